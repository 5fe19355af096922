package dev.watchpost.cli;

import dev.watchpost.alert.AlertSink;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * One scan: expands the paths and reads files on up to {@code threads} workers, each taking the next file in order,
 * every record run through the pipeline as it is read; {@link ScanOutput} keeps the output in file order. A file
 * that cannot be opened is reported and the scan goes on. A file that is not CloudTrail data but a CloudWatch alarm
 * notification is printed by {@link FindingPrinter#printIfAlarm} (when given a printer) instead of being skipped.
 * Use once.
 */
final class Scan {
    private final Pipeline pipeline;
    private final ScanOutput output;
    private final CliTelemetry telemetry;
    private final int threads;
    private final FindingPrinter alarms;
    private final LongAdder files = new LongAdder();
    private final LongAdder events = new LongAdder();

    /** @param alarms prints a file that is a CloudWatch alarm notification instead of skipping it, or null */
    Scan(Pipeline pipeline, ScanOutput output, int threads, FindingPrinter alarms) {
        this.pipeline = pipeline;
        this.output = output;
        this.telemetry = new CliTelemetry(output::err);
        this.threads = threads;
        this.alarms = alarms;
    }

    /**
     * The scan's pipeline, built as {@code Wiring} builds a Lambda's but with every family's detections, a remediator
     * that only plans, and a loop guard that also knows the roles of a deployment named {@code namePrefix}.
     *
     * @param settings   parsed from the environment and checked with {@code Wiring.checkModes}
     * @param extraRoles role ARNs from the command line, added to the configured ones
     */
    static Pipeline pipeline(Settings settings, Set<String> extraRoles, String namePrefix, AlertSink sink) {
        Clock clock = Clock.systemUTC();
        Detections detections = Detections.defaults(settings.detection());
        Remediator remediator = Remediator.planOnly(Remediations.forDetections(detections.ids(),
                settings.exemptTagKey(), clock), settings.remediationModes());
        Set<String> ownRoles = new LinkedHashSet<>(settings.ownRoleArns());
        ownRoles.addAll(extraRoles);
        return new Pipeline(detections, remediator, List.of(sink), LoopGuard.derivingFromPrefix(ownRoles, namePrefix),
                clock);
    }

    ScanSummary run(List<Path> paths) {
        List<Path> inputs = InputFiles.expand(paths, telemetry::malformed);
        // File.length() is 0 for what cannot be read: that is reported when the file is opened.
        output.startProgress(inputs.size(), inputs.stream().mapToLong(file -> file.toFile().length()).sum(),
                events::sum, () -> telemetry.summary(0, 0).totalFindings());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int index = next.getAndIncrement(); index < inputs.size(); index = next.getAndIncrement()) {
                    scanFile(index, inputs.get(index));
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        List<Thread> others = IntStream.range(1, Math.min(threads, inputs.size()))
                .mapToObj(i -> Thread.ofPlatform().daemon().name("watchpost-scan-" + i).start(worker)).toList();
        worker.run();
        try {
            for (Thread other : others) {
                other.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } finally {
            output.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return telemetry.summary(files.intValue(), events.sum());
    }

    private void scanFile(int index, Path path) {
        output.enter(index);
        files.increment();
        String file = path.toString();
        try (InputStream in = InputFiles.open(path, output::read)) {
            RecordReader.read(in, pipeline::mayWatch, item -> {
                switch (item) {
                    case ReadItem.Event event -> {
                        events.increment();
                        pipeline.process(event.event(), telemetry.at(file, event.place()));
                    }
                    case ReadItem.Unwatched unwatched -> events.increment();
                    case ReadItem.Unreadable bad -> telemetry.malformed(file + ": " + bad.place(), bad.reason());
                    case ReadItem.NotCloudTrail other -> {
                        if (alarms == null || !alarms.printIfAlarm(other.value())) {
                            telemetry.skipped(file, other.reason());
                        }
                    }
                }
            });
        } catch (IOException e) {
            telemetry.malformed(file, "could not read: " + InputFiles.describe(e));
        } finally {
            output.leave(index);
        }
    }
}
