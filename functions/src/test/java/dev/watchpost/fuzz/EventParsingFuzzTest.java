package dev.watchpost.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Raw bytes, as a Lambda handler receives them, through parsing, every detection and the offline pipeline; the
 * properties are {@link WholePath}'s. Seeds: every sample event in {@code events/}, put on the test classpath at build
 * time as this test's inputs (see the module's pom), plus any crash files under
 * {@code src/test/resources/dev/watchpost/fuzz/EventParsingFuzzTestInputs/}.
 */
class EventParsingFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void anyBytes_areReadOrReportedMalformed_andEveryPlanFollowsAFinding(byte[] input) {
        WholePath.check(input);
    }
}
