package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one shape of finding every tampering detection raises ({@link OwnResourceChange}): Watchpost's own deploy
 * lowers it to LOW and says so in the title. CloudFormation calling as anyone else keeps it critical: each
 * detection's test shows that with its own sample, as SECURITY.md cites them.
 */
class OwnResourceChangeTest {
    private static final DetectionParameters PARAMETERS = Fixtures.parameters();

    static Stream<Arguments> watchpostDeploys() {
        return Stream.of(
                Arguments.of("the alert key policy rewritten", new AlertKeyTampered(PARAMETERS),
                        "PutKeyPolicy.watchpost-deploy"),
                Arguments.of("the forwarder StackSet updated", new CentralWiringTampered(PARAMETERS),
                        "UpdateStackSet.watchpost-deploy"),
                Arguments.of("a role changed by the stack of another region", new DetectorRoleTampered(PARAMETERS),
                        "PutRolePolicy.watchpost-deploy"),
                Arguments.of("member roles rolled out by StackSets", new DetectorRoleTampered(PARAMETERS),
                        "AttachRolePolicy.stackset-deploy"),
                Arguments.of("an alarm rewritten", new DetectorTampered(PARAMETERS),
                        "PutMetricAlarm.watchpost-deploy"));
    }

    @ParameterizedTest(name = "is LOW when the deploy of Watchpost has {0}")
    @MethodSource("watchpostDeploys")
    void isLow_whenWatchpostsDeployMadeTheChange(String change, Detection detection, String fixture) {
        Finding finding = only(detection, fixture);
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.title().endsWith("(CloudFormation deploy)"), finding.title());
    }
}
