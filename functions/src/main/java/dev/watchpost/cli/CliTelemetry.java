package dev.watchpost.cli;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Severity;
import dev.watchpost.handler.Telemetry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The scanner's telemetry: counts what the summary line and the exit status need, and prints each problem to
 * stderr as one line starting with the file and place ({@code events/x.json: record 3: …}), so findings on stdout
 * stay clean. Every line is sanitised, since reasons quote the input. {@link #at} gives a view that names the
 * record being processed and shares the counts. Thread-safe: a parallel scan's workers share the counts, and each
 * line goes to the line consumer in one call (the scanner's consumer keeps lines in file order).
 */
final class CliTelemetry implements Telemetry {
    private final Consumer<String> lines;
    private final Counts counts;
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

    /** The same telemetry, naming {@code place} in {@code file}; the two are joined only if something is printed. */
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
        print(prefix() + "detection " + detectionId + " failed on event " + eventId + ": " + error);
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
        print(prefix() + "could not print finding " + alert.finding().dedupKey() + ": " + error);
    }

    /** A file that was read but holds no CloudTrail data: a note, not a problem. */
    void skipped(String file, String reason) {
        counts.filesSkipped.incrementAndGet();
        print(file + ": skipped: " + reason);
    }

    int unreadable() {
        return counts.unreadable.get();
    }

    int detectionErrors() {
        return counts.detectionErrors.get();
    }

    int ownEventsIgnored() {
        return counts.ownEventsIgnored.get();
    }

    int filesSkipped() {
        return counts.filesSkipped.get();
    }

    /** Findings by severity, every severity present (zero when none). */
    Map<Severity, Integer> findings() {
        Map<Severity, Integer> all = new EnumMap<>(Severity.class);
        counts.findings.forEach((severity, count) -> all.put(severity, count.get()));
        return all;
    }

    /** All findings so far, for the progress line. */
    long totalFindings() {
        return counts.findings.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    private String prefix() {
        if (place.isEmpty()) {
            return "";
        }
        return file.isEmpty() ? place + ": " : file + ": " + place + ": ";
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
