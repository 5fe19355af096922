package dev.watchpost.cli;

import dev.watchpost.handler.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One scan: expands the paths, reads each file's records in order and runs each through the pipeline as soon as it
 * is read, so memory does not grow with the input. Files are read by up to {@code threads} workers at once, each
 * taking the next file in order; what they print goes through {@link ScanOutput}, which keeps it in file order. With
 * {@code gunzipAhead}, and fewer files than threads (so cores would idle, as with one large file), a gzip file is
 * inflated on a thread of its own while its worker parses; with a file per core, inflating inline costs less CPU
 * (measured in the README's Performance section). A file that cannot be opened, like a record that cannot be read, is
 * reported and the scan goes on. A file that is not CloudTrail data but a CloudWatch alarm notification is printed by
 * {@link AlarmPreview} instead of being skipped. Use once.
 */
final class Scan {
    private final Pipeline pipeline;
    private final CliTelemetry telemetry;
    private final ScanOutput output;
    private final int threads;
    private final boolean gunzipAhead;
    private boolean inflateOnOwnThread;
    private final StatusLine status;
    private final AlarmPreview alarms;
    private final LongAdder files = new LongAdder();
    private final LongAdder events = new LongAdder();

    /** A scan on the calling thread, whose printers write straight to their streams. */
    Scan(Pipeline pipeline, CliTelemetry telemetry) {
        this(pipeline, telemetry, null, 1, false, StatusLine.OFF, AlarmPreview.OFF);
    }

    /**
     * @param output      where the pipeline's printers and {@code telemetry} write, or null if they write directly
     *                    (then only one thread may be used)
     * @param threads     files read at once
     * @param gunzipAhead inflate gzip on a separate thread when there are fewer files than threads
     * @param status      the progress line, or {@link StatusLine#OFF}
     * @param alarms      prints a file that is a CloudWatch alarm notification instead of skipping it, or
     *                    {@link AlarmPreview#OFF}
     */
    Scan(Pipeline pipeline, CliTelemetry telemetry, ScanOutput output, int threads, boolean gunzipAhead,
         StatusLine status, AlarmPreview alarms) {
        if (output == null && threads != 1) {
            throw new IllegalArgumentException("a parallel scan needs a ScanOutput to keep file order");
        }
        this.pipeline = pipeline;
        this.telemetry = telemetry;
        this.output = output;
        this.threads = threads;
        this.gunzipAhead = gunzipAhead;
        this.status = status;
        this.alarms = alarms;
    }

    ScanSummary run(List<Path> paths) {
        List<Path> inputs = InputFiles.expand(paths, telemetry::malformed);
        if (status.enabled()) {
            status.start(inputs.size(), inputs.stream().mapToLong(Scan::sizeOrZero).sum(), telemetry::totalFindings);
        }
        try {
            scanAll(inputs);
        } finally {
            status.stop();
        }
        return new ScanSummary(files.intValue(), events.sum(), telemetry.findings(), telemetry.unreadable(),
                telemetry.detectionErrors(), telemetry.ownEventsIgnored(), telemetry.filesSkipped());
    }

    private void scanAll(List<Path> inputs) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int index = next.getAndIncrement(); index < inputs.size(); index = next.getAndIncrement()) {
                scanFile(index, inputs.get(index));
            }
        };
        int workers = Math.min(threads, inputs.size());
        inflateOnOwnThread = gunzipAhead && inputs.size() < threads;
        if (workers <= 1) {
            worker.run();
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(workers - 1,
                Thread.ofPlatform().daemon().name("watchpost-scan-", 1).factory())) {
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i < workers; i++) {
                others.add(pool.submit(worker));
            }
            worker.run();
            for (Future<?> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("scan worker failed", e.getCause());
        }
    }

    private void scanFile(int index, Path file) {
        ScanOutput.Slot slot = output == null ? null : output.enter(index);
        try {
            files.increment();
            String name = file.toString();
            try (InputStream in = InputFiles.open(file, inflateOnOwnThread, status::read)) {
                RecordReader.read(in, pipeline::mayWatch, item -> handle(file, item));
            } catch (IOException e) {
                telemetry.malformed(name, "could not read: " + InputFiles.describe(e));
            }
        } finally {
            status.fileDone();
            if (slot != null) {
                slot.close();
            }
        }
    }

    private void handle(Path path, ReadItem item) {
        String file = path.toString();
        switch (item) {
            case ReadItem.Event event -> {
                events.increment();
                status.event();
                pipeline.process(event.event(), telemetry.at(file, event.place()));
            }
            case ReadItem.Unwatched unwatched -> {
                events.increment();
                status.event();
            }
            case ReadItem.Unreadable unreadable -> telemetry.malformed(file + ": " + unreadable.place(),
                    unreadable.reason());
            case ReadItem.NotCloudTrail notCloudTrail -> {
                if (!alarms.printIfAlarm(path)) {
                    telemetry.skipped(file, notCloudTrail.reason());
                }
            }
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reported when the file is opened
        }
    }
}
