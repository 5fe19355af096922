package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer.Request;
import dev.watchpost.wire.WireServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The network function against EC2 and SNS on the wire: the real SDK clients, with production timeouts and retries,
 * talk to a loopback server that answers in EC2's and SNS's query/XML formats. Asserts on the exact requests sent.
 */
class NetworkWireTest {
    private static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    private static final String GROUP = "sg-2c53d16ce65dea612";
    private static final String RULE = "sgr-25848eff2234755a5";
    private static final WireServer.Reply STILL_OPEN = Ec2Wire.securityGroupRule(RULE, GROUP, false, "tcp", 22, 22,
            "0.0.0.0/0");

    @AutoClose
    private final WireHarness harness = new WireHarness(Family.NETWORK);

    /** EC2 holds the group and its offending rule as the event says, and answers revokes with {@code revokeReplies}. */
    private WireServer ec2WithTheRuleStillOpen(WireServer.Reply... revokeReplies) {
        return harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", STILL_OPEN)
                .on("RevokeSecurityGroupIngress", revokeReplies);
    }

    private List<Request> revokes() {
        return harness.server.requests("RevokeSecurityGroupIngress");
    }

    private static void assertRevokesExactlyTheOffendingRule(Request revoke) {
        Map<String, String> form = revoke.form();
        assertEquals(GROUP, form.get("GroupId"));
        assertEquals(RULE, form.get("SecurityGroupRuleId.1"));
        assertFalse(form.containsKey("SecurityGroupRuleId.2"), form.toString());
        assertFalse(form.keySet().stream().anyMatch(k -> k.startsWith("IpPermissions")), form.toString());
    }

    @Test
    void retriesAThrottledRevoke_andRevokesOnce() throws Exception {
        ec2WithTheRuleStillOpen(Ec2Wire.requestLimitExceeded(), Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());

        harness.invoke(WORLD_SSH);

        assertEquals(2, revokes().size(), "one throttled attempt, one that took effect");
        revokes().forEach(NetworkWireTest::assertRevokesExactlyTheOffendingRule);
        assertEquals("applied", harness.onlyPublishedFinding().path("outcome").path("status").asText());
    }

    @Test
    void retriesAnUnavailableEndpoint_thenRevokes() throws Exception {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.unavailable(), Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", STILL_OPEN)
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());

        harness.invoke(WORLD_SSH);

        assertEquals(2, harness.server.requests("DescribeSecurityGroups").size());
        assertEquals(1, revokes().size());
        assertEquals("applied", harness.onlyPublishedFinding().path("outcome").path("status").asText());
    }

    @Test
    void countsARuleThatIsAlreadyGoneAsDone() throws Exception {
        ec2WithTheRuleStillOpen(Ec2Wire.error(400, "InvalidPermission.NotFound",
                        "The specified rule does not exist in this security group."))
                .on("Publish", SnsWire.published());

        harness.invoke(WORLD_SSH);

        assertEquals(1, revokes().size(), "an answer that means done is not retried");
        harness.assertPublishedOutcome("applied", "already gone");
    }

    @Test
    void sendsNoRevoke_andReportsFailedForAPerson_whenTheEventStatesNoProtocolAndNoRuleIds() throws Exception {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup("sg-47fa3462b01b875a7", null, null))
                .on("Publish", SnsWire.published());

        harness.invoke("network/AuthorizeSecurityGroupIngress.no-protocol-hand-made.json");

        assertTrue(revokes().isEmpty(), "no revoke by a guessed all-traffic permission");
        JsonNode finding = harness.onlyPublishedFinding();
        assertEquals("CRITICAL", finding.path("severity").asText());
        JsonNode outcome = finding.path("outcome");
        assertEquals("failed", outcome.path("status").asText());
        assertEquals("could not tell the protocol from the event; not revoked — revoke by hand",
                outcome.path("detail").asText());
        assertTrue(outcome.path("summary").asText().endsWith(
                ": could not tell the protocol from the event; not revoked — revoke by hand"), outcome.toString());
        assertEquals("", finding.path("remediation").path("undoCommand").asText());
    }

    @Test
    void reportsAccessDeniedAsFailed_andStillAlerts() throws Exception {
        ec2WithTheRuleStillOpen(Ec2Wire.unauthorized("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());

        String answer = harness.invoke(WORLD_SSH);

        assertEquals("{\"status\":\"PROCESSED\",\"findings\":1}", answer);
        assertEquals(1, revokes().size(), "access denied is not retried");
        harness.assertPublishedOutcome("failed", "UnauthorizedOperation");
    }

    @Test
    void retriesAThrottledPublish_andPublishesOnce() throws Exception {
        ec2WithTheRuleStillOpen(Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.throttled(), SnsWire.published());

        harness.invoke(WORLD_SSH);

        List<Request> publishes = harness.server.requests("Publish");
        assertEquals(2, publishes.size());
        assertEquals(FixtureDeployment.TOPIC, publishes.getLast().form().get("TopicArn"));
        assertEquals(publishes.getFirst().form().get("Message"), publishes.getLast().form().get("Message"));
    }

    @Test
    void failsTheInvocationWhenSnsStaysDown_andTheRetryRevokesNothingTwice() throws Exception {
        ec2WithTheRuleStillOpen(Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.internalError());

        assertThrows(RuntimeException.class, () -> harness.invoke(WORLD_SSH),
                "the invocation must fail so Lambda retries and the dead-letter queue keeps the event");
        int attemptsWhileDown = harness.server.requests("Publish").size();
        assertTrue(attemptsWhileDown > 1, "SNS 500s are retried before giving up: " + attemptsWhileDown);
        assertEquals(1, revokes().size());

        harness.server.on("Publish", SnsWire.published());
        String answer = harness.invoke(WORLD_SSH);

        assertEquals("{\"status\":\"PROCESSED\",\"findings\":1}", answer);
        assertEquals(1, revokes().size(), "the retry reuses the remembered outcome");
        assertEquals(1, harness.server.requests("DescribeSecurityGroups").size());
        assertEquals(attemptsWhileDown + 1, harness.server.requests("Publish").size());
        assertEquals("applied", harness.publishedFindings().getLast().path("outcome").path("status").asText());
    }

    @Test
    void failsTheInvocationAndCountsAlertFailures_whenTheAlertTopicsKeyIsDisabled() throws Exception {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.keyDisabled());

        assertThrows(RuntimeException.class, () -> harness.invoke(WORLD_SSH),
                "the invocation fails: the Errors alarm fires, Lambda retries, the dead-letter queue keeps the event");

        assertEquals(1, harness.server.requests("Publish").size(), "a disabled key is not retried in the call");
        assertTrue(harness.context.logLines.stream().anyMatch(line -> line.contains("\"AlertFailures\":1")
                        && line.contains("key (CMK) is not enabled")),
                "AlertFailures (the metric the alert-failures alarm reads) is counted, with SNS's reason: "
                        + harness.context.logLines);
    }

    @Test
    void givesUpOnASlowEndpointWithinTheCallTimeout_andStillAlerts() throws Exception {
        harness.server.on("DescribeSecurityGroups",
                        Ec2Wire.securityGroup(GROUP, null, null).after(AwsClients.CALL_TIMEOUT.plusSeconds(5)))
                .on("Publish", SnsWire.published());

        harness.invoke(WORLD_SSH);

        assertTrue(revokes().isEmpty(), "nothing is revoked without having seen the group");
        harness.assertPublishedOutcome("failed", "Timeout");
    }

    @Test
    void revokesTheModifiedRuleEc2Holds_whenTheEventWroteTheInternetAsANonCanonicalSlashZero() throws Exception {
        String group = "sg-25d7e056fc89b2ef5";
        String rule = "sgr-bedd4a316f0743b03";
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(group, null, null))
                .on("DescribeSecurityGroupRules",
                        Ec2Wire.securityGroupRule(rule, group, false, "tcp", 22, 22, "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());

        harness.invoke("network/ModifySecurityGroupRules.non-canonical-slash-zero.json");

        assertEquals(rule, harness.server.requests("DescribeSecurityGroupRules").getFirst().form()
                .get("SecurityGroupRuleId.1"));
        Map<String, String> revoke = revokes().getFirst().form();
        assertEquals(group, revoke.get("GroupId"));
        assertEquals(rule, revoke.get("SecurityGroupRuleId.1"));
        assertFalse(revoke.containsKey("SecurityGroupRuleId.2"), revoke.toString());
        JsonNode finding = harness.onlyPublishedFinding();
        assertEquals("applied", finding.path("outcome").path("status").asText());
        assertTrue(finding.path("remediation").path("undoCommand").asText().contains("CidrIp=0.0.0.0/0"),
                finding.toString());
    }

    @Test
    void sendsNoRevoke_whenEc2NowHoldsTheRuleNarrowedToASlash32() throws Exception {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules",
                        Ec2Wire.securityGroupRule(RULE, GROUP, false, "tcp", 22, 22, "203.0.113.7/32"))
                .on("Publish", SnsWire.published());

        harness.invoke(WORLD_SSH);

        assertTrue(revokes().isEmpty());
        assertEquals("skipped", harness.onlyPublishedFinding().path("outcome").path("status").asText());
    }

    @Test
    void reportsFailed_whenARevokeByPermissionMatchedNothing_andTheGroupIsStillOpen() throws Exception {
        String group = "sg-9094f6af3f109feb2";
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(group, null, null))
                .on("RevokeSecurityGroupIngress", Ec2Wire.revokeMatchedNothing("tcp", 22, 22, "0.0.0.0/0"))
                .on("DescribeSecurityGroupRules",
                        Ec2Wire.securityGroupRule("sgr-0ffffffffffffffff", group, false, "tcp", 22, 22, "0.0.0.0/0"))
                .on("Publish", SnsWire.published());

        harness.invoke("network/AuthorizeSecurityGroupIngress.legacy-flat-form.json");

        Map<String, String> revoke = revokes().getFirst().form();
        assertEquals("tcp", revoke.get("IpPermissions.1.IpProtocol"));
        assertEquals("0.0.0.0/0", revoke.get("IpPermissions.1.IpRanges.1.CidrIp"));
        Map<String, String> describe = harness.server.requests("DescribeSecurityGroupRules").getFirst().form();
        assertEquals("group-id", describe.get("Filter.1.Name"));
        assertEquals(group, describe.get("Filter.1.Value.1"));
        JsonNode outcome = harness.onlyPublishedFinding().path("outcome");
        assertEquals("failed", outcome.path("status").asText());
        assertTrue(outcome.path("detail").asText().startsWith(
                "still open after the revoke: sgr-0ffffffffffffffff tcp 22 from 0.0.0.0/0"), outcome.toString());
    }
}
