package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.alert.AlertSamples;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.StsWire;
import dev.watchpost.wire.WireServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A remediation makes several calls (in a member account: the AssumeRole for the family's member role first, then the
 * group, its rules, the revoke), and each may take up to the SDK's call timeout, so every one of them, not only the
 * first, must still leave time for itself and the alert. Here each call the loopback server answers uses up one call
 * timeout of the invocation's remaining time, as a slow AWS would.
 */
class RemediationTimeBudgetWireTest {
    private static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    private static final String GROUP = "sg-2c53d16ce65dea612";
    private static final String RULE = "sgr-25848eff2234755a5";
    private static final String MEMBER = AlertSamples.MEMBER_ACCOUNT;
    private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/watchpost/watchpost-member-network";
    private static final List<String> OWN_CALLS = List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules",
            "RevokeSecurityGroupIngress");
    private static final List<String> MEMBER_CALLS = List.of("AssumeRole", "DescribeSecurityGroups",
            "DescribeSecurityGroupRules", "RevokeSecurityGroupIngress");
    private static final Duration CALL = AwsClients.CALL_TIMEOUT;
    private static final Duration MARGIN = FamilyEventsHandler.MARGIN;

    private WireHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    /** The fixture's own account, where the function acts with its own credentials. */
    private void ownAccount() {
        harness = answering(new WireHarness(Family.NETWORK));
    }

    /** A central deployment, for which the fixture moved to a member account it reaches through the member role. */
    private void centralForMembers() {
        harness = answering(new WireHarness(Family.NETWORK, Map.of(Settings.ACCOUNT_ID, AlertSamples.CENTRAL_ACCOUNT,
                Settings.MEMBER_ROLES, "true", Wiring.AWS_REGION, "us-east-1")));
        harness.server.on("AssumeRole", StsWire.assumed(MEMBER, "ASIAMEMBER",
                Instant.now().plus(Duration.ofHours(1))));
    }

    private static WireHarness answering(WireHarness harness) {
        harness.server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", Ec2Wire.securityGroupRule(RULE, GROUP, false, "tcp", 22, 22,
                        "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());
        return harness;
    }

    private void invokeFromMember() throws Exception {
        harness.invoke(AlertSamples.memberEventBytes(WORLD_SSH, MEMBER, AlertSamples.MEMBER_REGION));
    }

    /** The invocation starts with {@code start} left, and every answered call uses up one call timeout of it. */
    private void startWith(Duration start) {
        startWith(start, Duration.ZERO);
    }

    /** As above, and each look at the remaining time finds {@code betweenLooks} more gone than the one before. */
    private void startWith(Duration start, Duration betweenLooks) {
        AtomicInteger looks = new AtomicInteger();
        harness.context.remainingTime = () -> (int) (start.toMillis()
                - CALL.toMillis() * harness.server.requests().size()
                - betweenLooks.toMillis() * looks.getAndIncrement());
    }

    /** What {@code calls} and the alert need: a call timeout each, then the margin. */
    private static Duration enoughFor(List<String> calls) {
        return CALL.multipliedBy(calls.size() + 1L).plus(MARGIN);
    }

    private static List<String> followedBy(List<String> calls, String last) {
        List<String> all = new ArrayList<>(calls);
        all.add(last);
        return all;
    }

    private List<String> actions() {
        return harness.server.requests().stream().map(WireServer.Request::action).toList();
    }

    /** Why a call was not started with {@code left} ms left, where it and the alert need {@code needed}. */
    private static String notStarted(long left, Duration needed) {
        return "call not started: " + notEnough(left, needed);
    }

    private static String notEnough(long left, Duration needed) {
        return "the invocation has " + left + " ms left, less than the " + needed.toMillis() + " ms that 2 calls of up "
                + "to " + CALL.toMillis() + " ms and a margin of " + MARGIN.toMillis() + " ms need";
    }

    private JsonNode publishedOutcome(String status) {
        JsonNode outcome = harness.onlyPublishedFinding().path("outcome");
        assertEquals(status, outcome.path("status").asText(), outcome.toString());
        return outcome;
    }

    /**
     * The calls {@code before} were made, {@code refused} was not started (1 ms short of what it and the alert need),
     * nothing after it was, the alert says why, and the skip is counted.
     */
    private void assertRefused(List<String> before, String refused) {
        assertEquals(followedBy(before, "Publish"), actions(),
                refused + ", a call of up to " + CALL + ", would have left the alert no time");
        Duration needed = enoughFor(List.of(refused));
        assertEquals("SdkClientException: " + notStarted(needed.toMillis() - 1, needed),
                publishedOutcome("failed").path("detail").asText());
        assertOneRemediationCallSkippedForTime();
    }

    private void assertOneRemediationCallSkippedForTime() {
        assertEquals(1, harness.context.logLines.stream()
                .filter(line -> line.contains("\"" + JsonLogTelemetry.CALLS_SKIPPED_FOR_TIME + "\":1")
                        && line.contains("\"call\":\"remediation\"")).count(), harness.context.logLines.toString());
    }

    @Test
    void revokesAndAlerts_whenEachCallStillLeavesTimeForItselfAndTheAlert() throws Exception {
        ownAccount();
        startWith(enoughFor(OWN_CALLS));

        harness.invoke(WORLD_SSH);

        assertEquals(followedBy(OWN_CALLS, "Publish"), actions());
        publishedOutcome("applied");
    }

    @Test
    void startsNoRevoke_thatWouldLeaveTheAlertNoTime_andTheAlertSaysWhy() throws Exception {
        ownAccount();
        startWith(enoughFor(OWN_CALLS).minusMillis(1));

        harness.invoke(WORLD_SSH);

        assertRefused(List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules"), "RevokeSecurityGroupIngress");
    }

    @Test
    void assumesTheMemberRoleRevokesAndAlerts_whenEachCallStillLeavesTimeForItselfAndTheAlert() throws Exception {
        centralForMembers();
        startWith(enoughFor(MEMBER_CALLS));

        invokeFromMember();

        assertEquals(followedBy(MEMBER_CALLS, "Publish"), actions());
        publishedOutcome("applied");
    }

    /**
     * Started with 1 ms less than the member sequence up to and including {@code refused} and the alert need, the
     * calls before it are made, {@code refused} is not started, and nothing after it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"DescribeSecurityGroups", "DescribeSecurityGroupRules", "RevokeSecurityGroupIngress"})
    void startsNoMemberCall_thatWouldLeaveTheAlertNoTime_andTheAlertSaysWhy(String refused) throws Exception {
        List<String> before = MEMBER_CALLS.subList(0, MEMBER_CALLS.indexOf(refused));
        centralForMembers();
        startWith(enoughFor(followedBy(before, refused)).minusMillis(1));

        invokeFromMember();

        assertRefused(before, refused);
    }

    @Test
    void assumesNoMemberRole_whenTheInvocationCannotCoverThatCallAndTheAlert() throws Exception {
        centralForMembers();
        Duration needed = enoughFor(List.of("AssumeRole"));
        startWith(needed.minusMillis(1));

        invokeFromMember();

        assertEquals(List.of("Publish"), actions());
        assertEquals(notEnough(needed.toMillis() - 1, needed) + "; nothing was changed",
                publishedOutcome("skipped").path("detail").asText());
        assertOneRemediationCallSkippedForTime();
    }

    /**
     * The remediation looks at the clock before it begins and again before the AssumeRole; a real clock moves on in
     * between. When that leaves the AssumeRole less than it and the alert need, STS is not asked either.
     */
    @Test
    void startsNoAssumeRole_thatWouldLeaveTheAlertNoTime_onceTheRemediationHasBegun() throws Exception {
        centralForMembers();
        Duration needed = enoughFor(List.of("AssumeRole"));
        startWith(needed, Duration.ofMillis(1));

        invokeFromMember();

        assertEquals(List.of("Publish"), actions());
        assertEquals("could not assume " + ROLE + ": SdkClientException: " + notStarted(needed.toMillis() - 1, needed)
                + "; nothing was changed", publishedOutcome("failed").path("detail").asText());
        assertOneRemediationCallSkippedForTime();
    }
}
