package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.watchpost.alert.Alert;
import java.util.List;

/**
 * Raw bytes, as a Lambda handler receives them, through parsing, every detection and the offline pipeline; the
 * properties are {@link WholePath}'s, plus one of its own: the whole path depends on the bytes alone, so a second,
 * fresh pipeline raises the same alerts with the same outcomes (no state kept between containers, no clock or
 * ordering in a decision). Seeds: every sample event in {@code events/}, put on the test classpath at build
 * time as this test's inputs (see the module's pom), plus any crash files under
 * {@code src/test/resources/dev/watchpost/fuzz/EventParsingFuzzTestInputs/}.
 */
class EventParsingFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void anyBytes_areReadOrReportedMalformed_andEveryPlanFollowsAFinding(byte[] input) {
        List<String> first = decisions(WholePath.check(input));

        assertEquals(first, decisions(WholePath.check(input)),
                "a second, fresh pipeline decides differently on the same bytes");
    }

    /** What the pipeline decided for each alert, without the time it decided it at. */
    private static List<String> decisions(List<Alert> alerts) {
        return alerts.stream().map(alert -> alert.finding().dedupKey() + " " + alert.finding().severity() + " "
                + alert.outcome()).toList();
    }
}
