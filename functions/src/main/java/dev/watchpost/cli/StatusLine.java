package dev.watchpost.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The progress line a scan shows on stderr at a terminal: files, MB read (as stored), events, findings and the rate,
 * redrawn a few times a second by a daemon thread; {@link #OFF} shows nothing. Printing clears it first (callers hold
 * this object's lock while they print). Thread-safe.
 */
final class StatusLine {
    /** Shows nothing. */
    static final StatusLine OFF = new StatusLine(null);

    private static final long REDRAW_MILLIS = 250;
    private static final int BAR_WIDTH = 20;
    private static final String CLEAR = "\r\033[K";

    private final PrintStream err;
    private final LongAdder filesDone = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private volatile LongSupplier findings = () -> 0;
    private volatile LongSupplier events = () -> 0;
    private volatile long totalFiles;
    private volatile long totalBytes;
    private long started;
    private boolean shown;
    private Thread painter;

    StatusLine(PrintStream err) {
        this.err = err;
    }

    boolean enabled() {
        return err != null;
    }

    /** Starts redrawing, for a scan of {@code files} files holding {@code bytes} bytes. */
    synchronized void start(long files, long bytes, LongSupplier eventCount, LongSupplier findingCount) {
        if (err == null) {
            return;
        }
        totalFiles = files;
        totalBytes = bytes;
        findings = findingCount;
        events = eventCount;
        started = System.nanoTime();
        painter = Thread.ofPlatform().daemon().name("watchpost-status").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TimeUnit.MILLISECONDS.sleep(REDRAW_MILLIS);
                    draw();
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
    }

    /** Stops redrawing and removes the line. */
    void stop() {
        Thread running;
        synchronized (this) {
            running = painter;
            painter = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clear();
    }

    void fileDone() {
        if (err != null) {
            filesDone.increment();
        }
    }

    void read(long bytes) {
        if (err != null) {
            bytesRead.add(bytes);
        }
    }

    /** Removes the line, so other output starts at the left margin. */
    synchronized void clear() {
        if (err != null && shown) {
            err.print(CLEAR);
            err.flush();
            shown = false;
        }
    }

    private synchronized void draw() {
        if (painter == null) {
            return;
        }
        err.print(CLEAR + line());
        err.flush();
        shown = true;
    }

    /** "[#######.............] 412/1296 files  351/1024 MB  258,311 events  291 findings  118 MB/s". */
    String line() {
        long bytes = bytesRead.sum();
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        int filled = totalBytes <= 0 ? 0 : (int) Math.min(BAR_WIDTH, bytes * BAR_WIDTH / totalBytes);
        return String.format(Locale.ROOT, "[%s%s] %d/%d files  %d/%d MB  %,d events  %,d findings  %.0f MB/s",
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), filesDone.sum(), totalFiles, bytes / 1_000_000,
                totalBytes / 1_000_000, events.getAsLong(), findings.getAsLong(), bytes / 1e6 / seconds);
    }
}
