package dev.watchpost.cli;

import dev.watchpost.handler.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One scan: expands the paths, reads each file's records in order and runs each through the pipeline as soon as it
 * is read, so memory does not grow with the input. A file that cannot be opened, like a record that cannot be read,
 * is reported and the scan goes on. Not thread-safe; use once.
 */
final class Scan {
    private final Pipeline pipeline;
    private final CliTelemetry telemetry;
    private int files;
    private long events;

    Scan(Pipeline pipeline, CliTelemetry telemetry) {
        this.pipeline = pipeline;
        this.telemetry = telemetry;
    }

    ScanSummary run(List<Path> paths) {
        for (Path file : InputFiles.expand(paths, telemetry::malformed)) {
            scanFile(file);
        }
        return new ScanSummary(files, events, telemetry.findings(), telemetry.unreadable(),
                telemetry.detectionErrors(), telemetry.ownEventsIgnored(), telemetry.filesSkipped());
    }

    private void scanFile(Path file) {
        files++;
        String name = file.toString();
        try (InputStream in = InputFiles.open(file)) {
            RecordReader.read(in, item -> handle(name, item));
        } catch (IOException e) {
            telemetry.malformed(name, "could not read: " + InputFiles.describe(e));
        }
    }

    private void handle(String file, ReadItem item) {
        switch (item) {
            case ReadItem.Event event -> {
                events++;
                pipeline.process(event.event(), telemetry.at(file + ": " + event.place()));
            }
            case ReadItem.Unreadable unreadable -> telemetry.malformed(file + ": " + unreadable.place(),
                    unreadable.reason());
            case ReadItem.NotCloudTrail notCloudTrail -> telemetry.skipped(file, notCloudTrail.reason());
        }
    }
}
