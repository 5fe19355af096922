package dev.watchpost.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What a scan prints, kept in file order whatever the threads, and its progress line. A worker {@linkplain #enter
 * enters} file i (workers take files in increasing order) and {@linkplain #leave leaves} it when done: the earliest
 * unfinished file writes straight through, a later one's output is held until the files before it are done, and a
 * file holding more than {@link #HOLD_LIMIT} characters waits for its turn, so memory stays bounded. With progress on
 * (at a terminal), the workers redraw a line on stderr as they read, a few times a second at most (files, MB read as
 * stored, events, findings, rate), cleared before anything else is printed. Thread-safe: one lock orders writes.
 */
final class ScanOutput {
    /** Text a file may hold before its worker waits for its turn. */
    static final int HOLD_LIMIT = 1 << 20;
    private static final long REDRAW_NANOS = 250_000_000;
    private static final String CLEAR = "\r\033[K";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private final ThreadLocal<Integer> current = new ThreadLocal<>();
    /** What later files printed, in order. */
    private final Map<Integer, List<Piece>> held = new HashMap<>();
    private final Map<Integer, Long> heldChars = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final LongAdder filesDone = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    /** The earliest file not yet finished: its output goes straight through. */
    private int head;
    /** Whether a text block was printed: the next one is separated from it by a blank line. */
    private boolean printedBlock;
    private boolean shown;
    private volatile long nextDraw = Long.MAX_VALUE;
    private long started;
    private int totalFiles;
    private long totalBytes;
    private LongSupplier events;
    private LongSupplier findings;

    ScanOutput(PrintStream out, PrintStream err, boolean progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    private enum Kind { OUT, BLOCK, ERR }

    private record Piece(Kind kind, String text) {}

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

    /** The calling thread now prints for file {@code index} (0-based, in scan order). */
    void enter(int index) {
        current.set(index);
    }

    /** File {@code index} is done: its output, and that of finished files after it, is written in its turn. */
    synchronized void leave(int index) {
        current.remove();
        filesDone.increment();
        finished.add(index);
        while (finished.remove(head)) {
            head++;
            held.getOrDefault(head, List.of()).forEach(piece -> write(piece.kind(), piece.text()));
            held.remove(head);
            heldChars.remove(head);
        }
        notifyAll();
    }

    /** Counts bytes read (as stored), and redraws the progress line when it is due. */
    void read(long bytes) {
        bytesRead.add(bytes);
        if (System.nanoTime() >= nextDraw) {
            draw();
        }
    }

    private synchronized void print(Kind kind, String text) {
        Integer index = current.get();
        if (index == null || index == head) {
            write(kind, text);
            return;
        }
        held.computeIfAbsent(index, i -> new ArrayList<>()).add(new Piece(kind, text));
        long chars = heldChars.merge(index, (long) text.length(), Long::sum);
        while (chars > HOLD_LIMIT && index != head) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // keep what is held; it is written when this file's turn comes
            }
        }
    }

    private void write(Kind kind, String text) {
        clear();
        switch (kind) {
            case OUT -> out.print(text);
            case BLOCK -> out.print(printedBlock ? System.lineSeparator() + text : text);
            case ERR -> err.println(text);
        }
        printedBlock |= kind == Kind.BLOCK;
    }

    /** Starts the progress line, if on, for {@code files} files of {@code bytes} bytes in all. */
    synchronized void startProgress(int files, long bytes, LongSupplier eventCount, LongSupplier findingCount) {
        totalFiles = files;
        totalBytes = bytes;
        events = eventCount;
        findings = findingCount;
        started = System.nanoTime();
        nextDraw = progress ? started + REDRAW_NANOS : Long.MAX_VALUE;
    }

    /** "[#######.............] 412/1296 files  351/1024 MB  258,311 events  291 findings  118 MB/s". */
    private synchronized void draw() {
        long now = System.nanoTime();
        if (now < nextDraw) {
            return; // drawn by another worker meanwhile
        }
        nextDraw = now + REDRAW_NANOS;
        long read = bytesRead.sum();
        int filled = totalBytes <= 0 ? 0 : (int) Math.min(20, read * 20 / totalBytes);
        err.print(CLEAR + String.format(Locale.ROOT, "[%s%s] %d/%d files  %d/%d MB  %,d events  %,d findings  "
                + "%.0f MB/s", "#".repeat(filled), ".".repeat(20 - filled), filesDone.sum(), totalFiles,
                read / 1_000_000, totalBytes / 1_000_000, events.getAsLong(), findings.getAsLong(),
                read / 1e6 / Math.max(1e-3, (now - started) / 1e9)));
        err.flush();
        shown = true;
    }

    /** Stops and removes the progress line, and flushes both streams. */
    synchronized void flush() {
        nextDraw = Long.MAX_VALUE;
        clear();
        out.flush();
        err.flush();
    }

    /** Removes the progress line, so other output starts at the left margin. */
    private void clear() {
        if (shown) {
            err.print(CLEAR);
            err.flush();
            shown = false;
        }
    }
}
