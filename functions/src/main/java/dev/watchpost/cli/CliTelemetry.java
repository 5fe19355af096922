package dev.watchpost.cli;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Severity;
import dev.watchpost.handler.Telemetry;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scanner's telemetry: counts what the summary line and the exit status need, and prints each problem to
 * stderr as one line starting with the file and place ({@code events/x.json: record 3: …}), so findings on stdout
 * stay clean. Every line is sanitised, since reasons quote the input. {@link #at} gives a view that names the
 * record being processed and shares the counts. Not thread-safe: the scanner is single-threaded.
 */
final class CliTelemetry implements Telemetry {
    private final PrintStream err;
    private final Counts counts;
    private final String place;

    CliTelemetry(PrintStream err) {
        this(err, new Counts(), "");
    }

    private CliTelemetry(PrintStream err, Counts counts, String place) {
        this.err = err;
        this.counts = counts;
        this.place = place;
    }

    /** The same telemetry, naming {@code place} (file and record) in what it prints. */
    CliTelemetry at(String place) {
        return new CliTelemetry(err, counts, place);
    }

    @Override
    public void malformed(String where, String reason) {
        counts.unreadable++;
        print(where + ": " + reason);
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        counts.detectionErrors++;
        print(prefix() + "detection " + detectionId + " failed on event " + eventId + ": " + error);
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        counts.ownEventsIgnored++;
    }

    @Override
    public void alerted(Alert alert) {
        counts.findings.merge(alert.finding().severity(), 1, Integer::sum);
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        print(prefix() + "could not print finding " + alert.finding().dedupKey() + ": " + error);
    }

    /** A file that was read but holds no CloudTrail data: a note, not a problem. */
    void skipped(String file, String reason) {
        counts.filesSkipped++;
        print(file + ": skipped: " + reason);
    }

    int unreadable() {
        return counts.unreadable;
    }

    int detectionErrors() {
        return counts.detectionErrors;
    }

    int ownEventsIgnored() {
        return counts.ownEventsIgnored;
    }

    int filesSkipped() {
        return counts.filesSkipped;
    }

    /** Findings by severity, every severity present (zero when none). */
    Map<Severity, Integer> findings() {
        Map<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            all.put(severity, counts.findings.getOrDefault(severity, 0));
        }
        return all;
    }

    private String prefix() {
        return place.isEmpty() ? "" : place + ": ";
    }

    private void print(String line) {
        err.println(Sanitize.text(line, 4096));
    }

    /** The tallies, shared by every view. */
    private static final class Counts {
        private final Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        private int unreadable;
        private int detectionErrors;
        private int ownEventsIgnored;
        private int filesSkipped;
    }
}
