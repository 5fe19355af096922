package dev.watchpost.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what a parallel scan prints in file order. A worker {@linkplain #enter enters} its file's {@link Slot}; the
 * earliest unfinished file writes straight through, a later one's output is held until the files before it are done,
 * and a held file past {@link #HOLD_LIMIT} characters makes its worker wait, so memory stays bounded. Thread-safe;
 * workers must take files in increasing order.
 */
final class ScanOutput {
    /** Text a file may hold before its worker waits for its turn. */
    static final int HOLD_LIMIT = 1 << 20;

    private final PrintStream out;
    private final PrintStream err;
    private final StatusLine status;
    private final ThreadLocal<Slot> current = new ThreadLocal<>();
    private final Map<Integer, Slot> open = new HashMap<>();
    /** The earliest file not yet finished: its output goes straight through. */
    private int head;
    /** Whether a text block was printed: the next one is separated from it by a blank line. */
    private boolean printedBlock;

    ScanOutput(PrintStream out, PrintStream err, StatusLine status) {
        this.out = out;
        this.err = err;
        this.status = status;
    }

    /** The slot of file {@code index} (0-based, in scan order), entered on the calling thread until closed. */
    Slot enter(int index) {
        Slot slot = new Slot(index);
        synchronized (this) {
            open.put(index, slot);
        }
        current.set(slot);
        return slot;
    }

    /** Prints text on stdout, as is. */
    void out(String text) {
        print(Kind.OUT, text);
    }

    /** Prints a block of text on stdout, after a blank line if a block came before it in the output. */
    void block(String text) {
        print(Kind.BLOCK, text);
    }

    /** Prints one line on stderr. */
    void err(String line) {
        print(Kind.ERR, line);
    }

    /** Through the calling thread's slot when it entered one, else straight through. */
    private void print(Kind kind, String text) {
        Slot slot = current.get();
        if (slot != null) {
            slot.add(kind, text);
            return;
        }
        synchronized (this) {
            write(kind, text);
        }
    }

    /** Flushes both streams; the status line is cleared first. */
    synchronized void flush() {
        status.clear();
        out.flush();
        err.flush();
    }

    /** Writes with the status line's lock held, so the line cannot be redrawn between clearing it and printing. */
    private void write(Kind kind, String text) {
        synchronized (status) {
            status.clear();
            switch (kind) {
                case OUT -> out.print(text);
                case BLOCK -> {
                    if (printedBlock) {
                        out.println();
                    }
                    out.print(text);
                    printedBlock = true;
                }
                case ERR -> err.println(text);
            }
        }
    }

    private enum Kind { OUT, BLOCK, ERR }

    /** One piece of held output. */
    private record Piece(Kind kind, String text) {}

    /** One file's output; used by the one thread that entered it. */
    final class Slot implements AutoCloseable {
        private final int index;
        private final List<Piece> held = new ArrayList<>();
        private long heldChars;
        private boolean closed;

        private Slot(int index) {
            this.index = index;
        }

        private void add(Kind kind, String text) {
            synchronized (ScanOutput.this) {
                if (index == head) {
                    write(kind, text);
                    return;
                }
                held.add(new Piece(kind, text));
                heldChars += text.length();
                while (heldChars > HOLD_LIMIT && index != head) {
                    try {
                        ScanOutput.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return; // keep what is held; it is written when this file's turn comes
                    }
                }
                if (index == head) {
                    release();
                }
            }
        }

        /** Writes what is held; the caller holds the lock and this slot is the head. */
        private void release() {
            held.forEach(piece -> write(piece.kind(), piece.text()));
            held.clear();
            heldChars = 0;
        }

        /** This file is done: its output (and that of finished files after it) is written when its turn comes. */
        @Override
        public void close() {
            current.remove();
            synchronized (ScanOutput.this) {
                closed = true;
                for (Slot first = open.get(head); first != null; first = open.get(head)) {
                    first.release();
                    if (!first.closed) {
                        break;
                    }
                    open.remove(head);
                    head++;
                }
                ScanOutput.this.notifyAll();
            }
        }
    }
}
