package dev.watchpost.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps what a parallel scan prints in file order, so output does not depend on thread timing. Each file gets a
 * {@link Slot}; a worker {@linkplain #enter enters} its file's slot, and everything printed on that thread (findings
 * on stdout, problems on stderr) goes to it. The earliest unfinished file writes straight through; a later file's
 * output is held until every file before it is done. A held file whose text passes {@link #HOLD_LIMIT} characters
 * makes its worker wait for its turn, so memory stays bounded however many findings one file has. Thread-safe;
 * workers must take files in increasing order (the head file is then always being read by someone, so waiting
 * cannot deadlock).
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
        if (slot == null) {
            synchronized (this) {
                write(kind, text);
            }
        } else {
            slot.add(kind, text);
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

    /** One file's output; used by the one thread that entered it. */
    final class Slot implements AutoCloseable {
        private final int index;
        private final StringBuilder held = new StringBuilder();
        /** Kind of each held piece and where it ends in {@link #held}. */
        private Kind[] kinds = new Kind[8];
        private int[] ends = new int[8];
        private int pieces;
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
                hold(kind, text);
                while (held.length() > HOLD_LIMIT && index != head) {
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

        private void hold(Kind kind, String text) {
            if (pieces == kinds.length) {
                kinds = Arrays.copyOf(kinds, pieces * 2);
                ends = Arrays.copyOf(ends, pieces * 2);
            }
            held.append(text);
            kinds[pieces] = kind;
            ends[pieces] = held.length();
            pieces++;
        }

        /** Writes what is held; the caller holds the lock and this slot is the head. */
        private void release() {
            int start = 0;
            for (int i = 0; i < pieces; i++) {
                write(kinds[i], held.substring(start, ends[i]));
                start = ends[i];
            }
            held.setLength(0);
            pieces = 0;
        }

        /** This file is done: its output (and that of finished files after it) is written when its turn comes. */
        @Override
        public void close() {
            current.remove();
            synchronized (ScanOutput.this) {
                closed = true;
                while (true) {
                    Slot first = open.get(head);
                    if (first == null) {
                        break;
                    }
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
