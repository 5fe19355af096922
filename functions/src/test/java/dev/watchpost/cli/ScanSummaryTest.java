package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanSummaryTest {
    private final ScanSummary summary = new ScanSummary(3, 40, Map.of(Severity.HIGH, 2, Severity.LOW, 1), 0, 0, 5, 1);

    @Test
    void printsEveryCount_severitiesFromCriticalDown() {
        assertEquals("scanned 3 files, 40 events: 3 findings (CRITICAL 0, HIGH 2, MEDIUM 0, LOW 1), 0 unreadable, "
                + "0 detection errors, 5 own events ignored, 1 files skipped", summary.line());
    }

    @Test
    void findsAFindingAtOrAboveAThreshold() {
        assertTrue(summary.hasFindingAtLeast(Severity.HIGH));
        assertTrue(summary.hasFindingAtLeast(Severity.MEDIUM));
        assertFalse(summary.hasFindingAtLeast(Severity.CRITICAL));
    }

    @Test
    void isIncomplete_whenSomethingWasUnreadableOrADetectionFailed() {
        assertTrue(summary.complete());
        assertFalse(new ScanSummary(1, 1, Map.of(), 1, 0, 0, 0).complete());
        assertFalse(new ScanSummary(1, 1, Map.of(), 0, 1, 0, 0).complete());
    }
}
