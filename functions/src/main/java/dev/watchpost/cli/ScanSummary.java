package dev.watchpost.cli;

import dev.watchpost.detect.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * The totals of one scan, printed as the last line on stderr in a stable shape (scripts may parse it): every count
 * always present, severities from CRITICAL down. Immutable.
 */
record ScanSummary(int files, long events, Map<Severity, Integer> findings, int unreadable, int detectionErrors,
                   int ownEventsIgnored, int filesSkipped) {
    ScanSummary {
        Map<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            all.put(severity, findings.getOrDefault(severity, 0));
        }
        findings = Map.copyOf(all);
    }

    int totalFindings() {
        return findings.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when some finding is at or above {@code threshold}. */
    boolean hasFindingAtLeast(Severity threshold) {
        return findings.entrySet().stream().anyMatch(e -> e.getKey().isAtLeast(threshold) && e.getValue() > 0);
    }

    /** True when every input was read and every detection ran. */
    boolean complete() {
        return unreadable == 0 && detectionErrors == 0;
    }

    /**
     * {@code scanned 3 files, 40 events: 2 findings (CRITICAL 1, HIGH 1, MEDIUM 0, LOW 0), 0 unreadable,
     * 0 detection errors, 0 own events ignored, 0 files skipped}.
     */
    String line() {
        return "scanned " + files + " files, " + events + " events: " + totalFindings() + " findings (CRITICAL "
                + findings.get(Severity.CRITICAL) + ", HIGH " + findings.get(Severity.HIGH) + ", MEDIUM "
                + findings.get(Severity.MEDIUM) + ", LOW " + findings.get(Severity.LOW) + "), " + unreadable
                + " unreadable, " + detectionErrors + " detection errors, " + ownEventsIgnored
                + " own events ignored, " + filesSkipped + " files skipped";
    }
}
