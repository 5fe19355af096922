package dev.watchpost.cli;

import dev.watchpost.pipeline.Pipeline;
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
 * One scan: expands the paths and reads files on up to {@code threads} workers, each taking the next file in order,
 * every record run through the pipeline as it is read; {@link ScanOutput} keeps the output in file order. A file
 * that cannot be opened is reported and the scan goes on. A file that is not CloudTrail data but a CloudWatch alarm
 * notification is printed by {@link AlarmPreview} instead of being skipped. Use once.
 */
final class Scan {
    private final Pipeline pipeline;
    private final CliTelemetry telemetry;
    private final ScanOutput output;
    private final int threads;
    private final StatusLine status;
    private final AlarmPreview alarms;
    private final LongAdder files = new LongAdder();
    private final LongAdder events = new LongAdder();

    /**
     * @param output  where the pipeline's printers and {@code telemetry} write
     * @param threads files read at once
     * @param status  the progress line, or {@link StatusLine#OFF}
     * @param alarms  prints a file that is a CloudWatch alarm notification instead of skipping it, or
     *                {@link AlarmPreview#OFF}
     */
    Scan(Pipeline pipeline, CliTelemetry telemetry, ScanOutput output, int threads, StatusLine status,
         AlarmPreview alarms) {
        this.pipeline = pipeline;
        this.telemetry = telemetry;
        this.output = output;
        this.threads = threads;
        this.status = status;
        this.alarms = alarms;
    }

    ScanSummary run(List<Path> paths) {
        List<Path> inputs = InputFiles.expand(paths, telemetry::malformed);
        if (status.enabled()) {
            status.start(inputs.size(), inputs.stream().mapToLong(Scan::sizeOrZero).sum(), events::sum,
                    telemetry::totalFindings);
        }
        try {
            scanAll(inputs);
        } finally {
            status.stop();
        }
        return telemetry.summary(files.intValue(), events.sum());
    }

    private void scanAll(List<Path> inputs) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int index = next.getAndIncrement(); index < inputs.size(); index = next.getAndIncrement()) {
                scanFile(index, inputs.get(index));
            }
        };
        int workers = Math.min(threads, inputs.size());
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
        try (ScanOutput.Slot slot = output.enter(index)) {
            files.increment();
            String name = file.toString();
            try (InputStream in = InputFiles.open(file, status::read)) {
                RecordReader.read(in, pipeline::mayWatch, item -> handle(file, item));
            } catch (IOException e) {
                telemetry.malformed(name, "could not read: " + InputFiles.describe(e));
            }
        } finally {
            status.fileDone();
        }
    }

    private void handle(Path path, ReadItem item) {
        String file = path.toString();
        switch (item) {
            case ReadItem.Event event -> {
                events.increment();
                pipeline.process(event.event(), telemetry.at(file, event.place()));
            }
            case ReadItem.Unwatched unwatched -> events.increment();
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
