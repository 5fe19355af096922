package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remediation makes several calls (here: the group, its rules, the revoke), and each may take up to the SDK's call
 * timeout, so every one of them, not only the first, must still leave time for itself and the alert. Here each call
 * the loopback server answers uses up one call timeout of the invocation's remaining time, as a slow AWS would.
 */
class RemediationTimeBudgetWireTest {
    private static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    private static final String GROUP = "sg-2c53d16ce65dea612";
    private static final String RULE = "sgr-25848eff2234755a5";
    private static final Duration CALL = AwsClients.CALL_TIMEOUT;
    private static final Duration MARGIN = FamilyEventsHandler.MARGIN;

    private final WireHarness harness = new WireHarness(Family.NETWORK);

    RemediationTimeBudgetWireTest() {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", Ec2Wire.securityGroupRule(RULE, GROUP, false, "tcp", 22, 22,
                        "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());
    }

    @AfterEach
    void stop() {
        harness.server.close();
    }

    /** The invocation starts with {@code start} left, and every answered call uses up one call timeout of it. */
    private void startWith(Duration start) {
        harness.context.remainingTime = () -> (int) (start.toMillis()
                - CALL.toMillis() * harness.server.requests().size());
    }

    private List<String> actions() {
        return harness.server.requests().stream().map(WireServer.Request::action).toList();
    }

    @Test
    void revokesAndAlerts_whenEachCallStillLeavesTimeForItselfAndTheAlert() throws Exception {
        startWith(CALL.multipliedBy(4).plus(MARGIN));

        harness.invoke(WORLD_SSH);

        assertEquals(List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules", "RevokeSecurityGroupIngress",
                "Publish"), actions());
        assertEquals("applied", harness.onlyPublishedFinding().path("outcome").path("status").asText());
    }

    @Test
    void startsNoRevoke_thatWouldLeaveTheAlertNoTime_andTheAlertSaysWhy() throws Exception {
        startWith(CALL.multipliedBy(4).plus(MARGIN).minusMillis(1));

        harness.invoke(WORLD_SSH);

        assertEquals(List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules", "Publish"), actions(),
                "the revoke, a third call of up to " + CALL + ", would have left the alert no time");
        JsonNode outcome = harness.onlyPublishedFinding().path("outcome");
        assertEquals("failed", outcome.path("status").asText());
        long needed = CALL.multipliedBy(2).plus(MARGIN).toMillis();
        assertEquals("SdkClientException: call not started: the invocation has " + (needed - 1) + " ms left, less "
                + "than the " + needed + " ms that 2 calls of up to " + CALL.toMillis() + " ms and a margin of "
                + MARGIN.toMillis() + " ms need", outcome.path("detail").asText());
        assertEquals(1, harness.context.logLines.stream()
                .filter(line -> line.contains("\"" + JsonLogTelemetry.CALLS_SKIPPED_FOR_TIME + "\":1")
                        && line.contains("\"call\":\"remediation\"")).count(), harness.context.logLines.toString());
    }
}
