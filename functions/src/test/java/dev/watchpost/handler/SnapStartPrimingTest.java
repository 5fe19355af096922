package dev.watchpost.handler;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Priming exercises every detection of the family and every SDK call its remediations and alerts make, answered
 * locally: it needs no credentials, endpoint or network, and works with the function's environment as deployed.
 */
class SnapStartPrimingTest {
    private static final Map<String, String> DEPLOYED = Map.of(
            Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:watchpost-alerts",
            Settings.OWN_ROLE_ARNS, "arn:aws:iam::123456789012:role/watchpost-network-us-east-1",
            "AWS_REGION", "us-east-1");
    /** Rounds are counted, not timed: a loaded machine must not cut them short. */
    private static final Duration NO_LIMIT = Duration.ofHours(1);

    @ParameterizedTest
    @EnumSource(Family.class)
    void firesEveryDetectionOfTheFamily(Family family) {
        SnapStartPriming.Report report = new SnapStartPriming(family, DEPLOYED, 2, NO_LIMIT).prime();

        Set<String> expected = new TreeSet<>(Wiring.detectionsOf(family, Settings.defaults()).ids());
        assertEquals(expected, report.findings().keySet());
        assertEquals(2, report.rounds());
        assertEquals(SnapStartPriming.samples(family).size(), report.samples());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void marshalsTheRemediationAndPublishCalls_withoutSendingThem(Family family) {
        SnapStartPriming.Report report = new SnapStartPriming(family, Map.of(), 1, NO_LIMIT).prime();

        int findings = report.findings().values().stream().mapToInt(Integer::intValue).sum();
        long remediated = Remediations.catalog().stream().map(RemediationInfo::detectionId)
                .filter(id -> id.startsWith(family.id() + ".")).count();
        assertTrue(remediated > 0, "every family has a remediation to prime");
        assertTrue(report.requests() > findings, "one publish per finding, plus the remediations' calls: "
                + report.requests() + " requests for " + findings + " findings");
    }

    /** The function's own table is never written: each claim and each "alerted" is marshalled and answered locally. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void answersTheStateTableLocally_whenTheFunctionHasOne(Family family) {
        Map<String, String> withTable = new HashMap<>(DEPLOYED);
        withTable.put(Settings.STATE_TABLE, "watchpost-state");

        SnapStartPriming.Report without = new SnapStartPriming(family, DEPLOYED, 1, NO_LIMIT).prime();
        SnapStartPriming.Report with = new SnapStartPriming(family, withTable, 1, NO_LIMIT).prime();

        int findings = with.findings().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(without.findings(), with.findings());
        assertEquals(without.requests() + 2 * findings, with.requests(), "one PutItem and one UpdateItem per finding");
    }
}
