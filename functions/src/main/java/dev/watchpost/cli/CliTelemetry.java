package dev.watchpost.cli;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Severity;
import dev.watchpost.pipeline.Telemetry;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The scan's telemetry: counts what the summary line and exit status need, and prints each problem to stderr as one
 * sanitised line starting with the file and place, so stdout holds only findings. {@link #at} gives a view naming
 * the record being processed that shares the counts. Thread-safe.
 */
final class CliTelemetry implements Telemetry {
    private static final int UNREADABLE = 0;
    private static final int DETECTION_ERRORS = 1;
    private static final int OWN_EVENTS = 2;
    private static final int SKIPPED = 3;
    private static final int FINDINGS = 4; // then one count per severity

    private final Consumer<String> lines;
    private final AtomicIntegerArray counts;
    /** "file: place: " of the record being processed, or empty. */
    private final String where;

    /** Prints each problem line (without its newline) to {@code lines}. */
    CliTelemetry(Consumer<String> lines) {
        this(lines, new AtomicIntegerArray(FINDINGS + Severity.values().length), "");
    }

    private CliTelemetry(Consumer<String> lines, AtomicIntegerArray counts, String where) {
        this.lines = lines;
        this.counts = counts;
        this.where = where;
    }

    /** The same telemetry, naming {@code place} in {@code file}. */
    CliTelemetry at(String file, String place) {
        return new CliTelemetry(lines, counts, file + ": " + place + ": ");
    }

    @Override
    public void malformed(String where, String reason) {
        counts.incrementAndGet(UNREADABLE);
        print(where + ": " + reason);
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        counts.incrementAndGet(DETECTION_ERRORS);
        print(where + "detection " + detectionId + " failed on event " + eventId + ": " + error);
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        counts.incrementAndGet(OWN_EVENTS);
    }

    @Override
    public void alerted(Alert alert) {
        counts.incrementAndGet(FINDINGS + alert.finding().severity().ordinal());
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        print(where + "could not print finding " + alert.finding().dedupKey() + ": " + error);
    }

    /** A file that was read but holds no CloudTrail data: a note, not a problem. */
    void skipped(String file, String reason) {
        counts.incrementAndGet(SKIPPED);
        print(file + ": skipped: " + reason);
    }

    /** The totals so far, with the files and events the caller counted. */
    ScanSummary summary(int files, long events) {
        Map<Severity, Integer> findings = Arrays.stream(Severity.values())
                .collect(Collectors.toMap(severity -> severity, severity -> counts.get(FINDINGS + severity.ordinal())));
        return new ScanSummary(files, events, findings, counts.get(UNREADABLE), counts.get(DETECTION_ERRORS),
                counts.get(OWN_EVENTS), counts.get(SKIPPED));
    }

    private void print(String line) {
        lines.accept(Sanitize.text(line, 4096));
    }
}
