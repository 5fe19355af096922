package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.wire.WireServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    /** The SDK's system property for an endpoint every client uses unless told otherwise. */
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrl";

    @ParameterizedTest
    @EnumSource(Family.class)
    void firesEveryDetectionOfTheFamily(Family family) {
        SnapStartPriming.Report report = new SnapStartPriming(family, DEPLOYED, 2, NO_LIMIT).prime();

        Set<String> expected = new TreeSet<>(Wiring.detectionsOf(family, Settings.defaults()).ids());
        assertEquals(expected, report.findings().keySet());
        assertEquals(2, report.rounds());
        assertEquals(SnapStartPriming.samples(family).size(), report.samples());
    }

    /** Every call priming makes has a canned answer: one without would fail, and leave its path unprimed. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void answersEveryCallFromTheCannedAnswers_onePublishPerFinding(Family family) {
        SnapStartPriming.Report report = new SnapStartPriming(family, Map.of(), 1, NO_LIMIT).prime();

        assertEquals(Map.of(), report.unanswered());
        int findings = report.findings().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(findings, report.requests().get("sns Publish"));
        assertTrue(report.requests().keySet().stream().anyMatch(call -> !call.startsWith("sns ")),
                "the family's remediations were applied: " + report.requests());
    }

    /**
     * With every SDK endpoint pointed at a loopback server, priming's requests are addressed to it, yet it receives
     * none: they are answered inside the process.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void sendsNothingOut_evenWithEveryEndpointOnALoopbackServer(Family family) {
        Map<String, String> withTable = new HashMap<>(DEPLOYED);
        withTable.put(Settings.STATE_TABLE, "watchpost-state");
        PrimingHttpClient http = new PrimingHttpClient();
        SnapStartPriming.Report report;
        try (WireServer server = new WireServer()) {
            System.setProperty(ENDPOINT_PROPERTY, server.uri().toString());
            try {
                report = new SnapStartPriming(family, withTable, 1, NO_LIMIT).prime(http);
            } finally {
                System.clearProperty(ENDPOINT_PROPERTY);
            }

            assertEquals(List.of(), server.requests());
            assertEquals(report.requests().values().stream().mapToInt(Integer::intValue).sum(), http.calls().size());
            assertTrue(report.requests().containsKey("dynamodb PutItem"), report.requests().toString());
            for (PrimingHttpClient.Call call : http.calls()) {
                assertEquals(server.uri().getAuthority(), call.uri().getAuthority(), call.toString());
            }
        }
    }

    /**
     * Each remediation of the family runs, for at least one sample, to an end other than a failure against the priming
     * client's local answers (applied, or skipped after reading what it found): a remediation whose service the
     * priming clients lack, or whose answers they cannot parse, fails every time and fails here.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void runsEveryRemediationOfTheFamily_withTheLocalAnswers(Family family) {
        SnapStartPriming.Report report = new SnapStartPriming(family, DEPLOYED, 1, NO_LIMIT).prime();

        Set<String> detections = Wiring.detectionsOf(family, Settings.defaults()).ids();
        for (RemediationInfo remediation : Remediations.catalog()) {
            if (detections.contains(remediation.detectionId())) {
                Set<String> kinds = report.outcomes().getOrDefault(remediation.id(), Set.of());
                assertTrue(kinds.contains("applied") || kinds.contains("skipped"),
                        remediation.id() + " ended " + kinds + " in priming");
            }
        }
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
        assertEquals(findings, with.requests().get("dynamodb PutItem"));
        assertEquals(findings, with.requests().get("dynamodb UpdateItem"));
        assertEquals(null, without.requests().get("dynamodb PutItem"));
    }
}
