package dev.watchpost.cli;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Severity;
import dev.watchpost.pipeline.Telemetry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The scan's telemetry: counts what the summary line and exit status need, and prints each problem to stderr as one
 * sanitised line starting with the file and place, so stdout holds only findings. {@link #at} gives a view naming
 * the record being processed that shares the counts. Thread-safe.
 */
final class CliTelemetry implements Telemetry {
    private final Consumer<String> lines;
    private final Counts counts;
    /** The file and place named in what is printed, joined only if something is. */
    private final String file;
    private final String place;

    /** Prints each problem line (without its newline) to {@code lines}. */
    CliTelemetry(Consumer<String> lines) {
        this(lines, new Counts(), "", "");
    }

    private CliTelemetry(Consumer<String> lines, Counts counts, String file, String place) {
        this.lines = lines;
        this.counts = counts;
        this.file = file;
        this.place = place;
    }

    /** The same telemetry, naming {@code place} in {@code file}. */
    CliTelemetry at(String file, String place) {
        return new CliTelemetry(lines, counts, file, place);
    }

    @Override
    public void malformed(String where, String reason) {
        counts.unreadable.incrementAndGet();
        print(where + ": " + reason);
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        counts.detectionErrors.incrementAndGet();
        print(file + ": " + place + ": detection " + detectionId + " failed on event " + eventId + ": " + error);
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        counts.ownEventsIgnored.incrementAndGet();
    }

    @Override
    public void alerted(Alert alert) {
        counts.findings.get(alert.finding().severity()).incrementAndGet();
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        print(file + ": " + place + ": could not print finding " + alert.finding().dedupKey() + ": " + error);
    }

    /** A file that was read but holds no CloudTrail data: a note, not a problem. */
    void skipped(String file, String reason) {
        counts.filesSkipped.incrementAndGet();
        print(file + ": skipped: " + reason);
    }

    /** The totals so far, with the files and events the caller counted. */
    ScanSummary summary(int files, long events) {
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        counts.findings.forEach((severity, count) -> findings.put(severity, count.get()));
        return new ScanSummary(files, events, findings, counts.unreadable.get(), counts.detectionErrors.get(),
                counts.ownEventsIgnored.get(), counts.filesSkipped.get());
    }

    /** All findings so far, for the progress line. */
    long totalFindings() {
        return counts.findings.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    private void print(String line) {
        lines.accept(Sanitize.text(line, 4096));
    }

    /** The tallies, shared by every view. */
    private static final class Counts {
        private final Map<Severity, AtomicInteger> findings = new EnumMap<>(Severity.class);
        private final AtomicInteger unreadable = new AtomicInteger();
        private final AtomicInteger detectionErrors = new AtomicInteger();
        private final AtomicInteger ownEventsIgnored = new AtomicInteger();
        private final AtomicInteger filesSkipped = new AtomicInteger();

        Counts() {
            for (Severity severity : Severity.values()) {
                findings.put(severity, new AtomicInteger());
            }
        }
    }
}
