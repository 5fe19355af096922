package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;

class RevokeSecurityGroupRulesTest {
    private static final Clock NOV_2 = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);
    private static final String TAG = "watchpost:exempt";
    /** No ipProtocol and no sgr- ids: the rule's exact shape is unknown. */
    private static final String NO_PROTOCOL = "AuthorizeSecurityGroupIngress.no-protocol-hand-made";

    private final FakeEc2 ec2 = new FakeEc2();
    private final RevokeSecurityGroupRules revoke = new RevokeSecurityGroupRules(TAG, NOV_2);

    private static Finding finding(String fixture) {
        return new SecurityGroupAdminPortOpen(DetectionParameters.defaults())
                .evaluate(Fixtures.event("network/" + fixture + ".json")).getFirst();
    }

    private static Finding inlineFinding(String json) throws Exception {
        return new SecurityGroupAdminPortOpen(DetectionParameters.defaults())
                .evaluate(CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8))).getFirst();
    }

    /** EC2 still holds every rule the finding names, as the event described it. */
    private Finding stillOpen(Finding finding) {
        for (var permission : details(finding).permissions()) {
            boolean all = permission.isAllTraffic();
            ec2.rule(permission.ruleId(), details(finding).groupId(), false, permission.protocol(),
                    all ? -1 : permission.ports().from(), all ? -1 : permission.ports().to(), permission.cidr());
        }
        return finding;
    }

    private Outcome enforce(Finding finding) {
        Plan plan = revoke.plan(finding, RemediationMode.ENFORCE).orElseThrow();
        return revoke.apply(plan, finding, Remediations.Clients.of(ec2, null));
    }

    private static OpenSecurityGroupIngress details(Finding finding) {
        return (OpenSecurityGroupIngress) finding.details();
    }

    @Test
    void revokesOnlyTheOffendingRule() {
        Finding finding = stillOpen(finding("AuthorizeSecurityGroupIngress.one-of-several-offends"));
        Outcome outcome = enforce(finding);
        assertInstanceOf(Outcome.Applied.class, outcome);
        RevokeSecurityGroupIngressRequest request = ec2.revokes.getFirst();
        assertEquals(1, ec2.revokes.size());
        assertEquals(details(finding).ruleIds(), request.securityGroupRuleIds());
        assertEquals(details(finding).groupId(), request.groupId());
        assertTrue(request.ipPermissions().isEmpty(), "by id only, never by a broader permission");
    }

    @Test
    void revokesTheExactPermission_whenTheEventCarriesNoRuleIds() {
        Finding finding = finding("AuthorizeSecurityGroupIngress.legacy-flat-form");
        assertInstanceOf(Outcome.Applied.class, enforce(finding));
        IpPermission permission = ec2.revokes.getFirst().ipPermissions().getFirst();
        assertEquals("tcp", permission.ipProtocol());
        assertEquals(22, permission.fromPort());
        assertEquals(22, permission.toPort());
        assertEquals("0.0.0.0/0", permission.ipRanges().getFirst().cidrIp());
        assertTrue(ec2.revokes.getFirst().securityGroupRuleIds().isEmpty());
    }

    @Test
    void buildsIpv6AndAllTrafficPermissionsExactly() {
        IpPermission ipv6 = RevokeSecurityGroupRules.toIpPermission(
                details(finding("AuthorizeSecurityGroupIngress.ipv6-world-ssh")).permissions().getFirst());
        assertEquals("::/0", ipv6.ipv6Ranges().getFirst().cidrIpv6());
        assertTrue(ipv6.ipRanges().isEmpty());
        IpPermission all = RevokeSecurityGroupRules.toIpPermission(
                details(finding("AuthorizeSecurityGroupIngress.all-traffic")).permissions().getFirst());
        assertEquals("-1", all.ipProtocol());
        assertEquals(null, all.fromPort());
    }

    @Test
    void revokesNothing_andFailsForAPerson_whenTheEventStatesNoProtocolAndNoRuleIds() {
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, enforce(finding(NO_PROTOCOL)));
        assertEquals("could not tell the protocol from the event; not revoked — revoke by hand", failed.error());
        assertTrue(ec2.revokes.isEmpty(), "no revoke by a guessed permission");
    }

    @Test
    void plansARevokeByHandWithoutAnUndo_whenTheEventStatesNoProtocolAndNoRuleIds() {
        Finding finding = finding(NO_PROTOCOL);
        Plan plan = revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow();
        assertEquals("Revoke by hand from sg-47fa3462b01b875a7: all traffic from 0.0.0.0/0 (protocol not stated in "
                + "the event)", plan.description());
        assertEquals("", plan.undoCommand(), "nothing is revoked, so there is nothing to undo");
        assertTrue(ec2.calls.isEmpty(), "planning calls nothing");
    }

    @Test
    void skipsAnExemptGroup_whenTheEventStatesNoProtocol() {
        ec2.tag(TAG, "bastion for incident 42");
        assertInstanceOf(Outcome.Skipped.class, enforce(finding(NO_PROTOCOL)));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void revokesByRuleId_whenTheEventStatesNoProtocolButGivesTheRuleId() throws Exception {
        Finding finding = inlineFinding("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0"},
                 "responseElements":{"securityGroupRuleSet":{"items":[
                  {"securityGroupRuleId":"sgr-0000000000000000a","groupId":"sg-0123456789abcdef0","isEgress":false,
                   "fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0"}]}}}
                """);
        ec2.rule("sgr-0000000000000000a", "sg-0123456789abcdef0", false, "tcp", 22, 22, "0.0.0.0/0");
        assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals(List.of("sgr-0000000000000000a"), ec2.revokes.getFirst().securityGroupRuleIds());
        assertTrue(ec2.revokes.getFirst().ipPermissions().isEmpty());
    }

    @Test
    void countsAnAlreadyRevokedRuleAsDone() {
        ec2.failRevokes(FakeEc2.error("InvalidPermission.NotFound", 400));
        Outcome outcome = enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh")));
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, outcome);
        assertTrue(applied.detail().contains("already gone"), applied.detail());
    }

    @Test
    void countsAGoneGroupAsDone() {
        ec2.groupGone();
        assertInstanceOf(Outcome.Applied.class, enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"))));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void reportsAccessDeniedAsFailedWithTheCode() {
        ec2.failRevokes(FakeEc2.error("UnauthorizedOperation", 403));
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class,
                enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"))));
        assertTrue(failed.error().startsWith("UnauthorizedOperation"), failed.error());
    }

    @Test
    void reportsADescribeFailureAsFailed() {
        ec2.failDescribeGroup(FakeEc2.error("UnauthorizedOperation", 403));
        assertInstanceOf(Outcome.Failed.class, enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"))));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void skipsAnExemptGroupAndSaysWhy() {
        ec2.tag(TAG, "bastion for incident 42; until=2026-12-31");
        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class,
                enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"))));
        assertTrue(skipped.reason().contains("bastion for incident 42"), skipped.reason());
        assertTrue(skipped.reason().contains("2026-12-31"), skipped.reason());
        assertTrue(ec2.revokes.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the exemption has expired        | old bastion until=2026-10-01 | expired
            the exemption date is unreadable | forever until=someday        | ignored
            """)
    void remediatesWhenTheExemptionDoesNotHoldAndSaysSo(String when, String tagValue, String said) {
        ec2.tag(TAG, tagValue);
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class,
                enforce(stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"))));
        assertTrue(applied.detail().contains(said), applied.detail());
    }

    @Test
    void honoursOnlyTheConfiguredTagKey() {
        ec2.tag("other:exempt", "not ours");
        RevokeSecurityGroupRules custom = new RevokeSecurityGroupRules("other:exempt", NOV_2);
        Finding finding = stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"));
        Outcome outcome = custom.apply(custom.plan(finding, RemediationMode.ENFORCE).orElseThrow(), finding,
                Remediations.Clients.of(ec2, null));
        assertInstanceOf(Outcome.Skipped.class, outcome);
        assertInstanceOf(Outcome.Applied.class, enforce(finding), "the default key does not match other:exempt");
    }

    @Test
    void confirmsIngressBeforeRevokingAModifiedRule() {
        Finding finding = finding("ModifySecurityGroupRules.world-ssh");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, open.permissions().getFirst().cidr());
        assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals(open.ruleIds(), ec2.revokes.getFirst().securityGroupRuleIds());
    }

    @Test
    void leavesAModifiedEgressRuleAlone() {
        Finding finding = finding("ModifySecurityGroupRules.world-ssh");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), true, open.permissions().getFirst().cidr());
        assertInstanceOf(Outcome.Skipped.class, enforce(finding));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void leavesAModifiedRuleAloneWhenItNoLongerMatches() {
        Finding finding = finding("ModifySecurityGroupRules.world-ssh");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, "198.51.100.0/24");
        assertInstanceOf(Outcome.Skipped.class, enforce(finding));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void plansTargetsAndAPasteableUndoCommand() {
        Finding finding = stillOpen(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh"));
        Plan plan = revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow();
        assertEquals(details(finding).ruleIds(), plan.targets());
        assertEquals(RemediationMode.DRY_RUN, plan.mode());
        assertEquals("aws ec2 authorize-security-group-ingress --region us-east-1 --group-id "
                + details(finding).groupId() + " --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,"
                + "IpRanges=[{CidrIp=0.0.0.0/0}]'", plan.undoCommand());
        assertTrue(ec2.calls.isEmpty(), "planning calls nothing");
    }

    @Test
    void declaresExactlyTheActionsItCalls() {
        assertEquals(List.of("ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroups",
                "ec2:DescribeSecurityGroupRules"), revoke.info().iamActions());
    }

    @Test
    void revokesTheOthersOneByOne_whenOneOfSeveralRulesIsAlreadyGone() throws Exception {
        Finding finding = inlineFinding("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0"},
                 "responseElements":{"securityGroupRuleSet":{"items":[
                  {"securityGroupRuleId":"sgr-0000000000000000a","groupId":"sg-0123456789abcdef0","isEgress":false,
                   "ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0"},
                  {"securityGroupRuleId":"sgr-0000000000000000b","groupId":"sg-0123456789abcdef0","isEgress":false,
                   "ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv6":"::/0"}]}}}
                """);
        stillOpen(finding);
        ec2.failRevokes(FakeEc2.error("InvalidSecurityGroupRuleId.NotFound", 400),
                FakeEc2.error("InvalidSecurityGroupRuleId.NotFound", 400));
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals(3, ec2.revokes.size());
        assertEquals(List.of("sgr-0000000000000000a", "sgr-0000000000000000b"),
                ec2.revokes.getFirst().securityGroupRuleIds());
        assertEquals(List.of("sgr-0000000000000000a"), ec2.revokes.get(1).securityGroupRuleIds());
        assertEquals(List.of("sgr-0000000000000000b"), ec2.revokes.get(2).securityGroupRuleIds());
        assertTrue(applied.detail().contains("already gone"));
    }

    @Test
    void revokesAModifiedRule_whoseEventWroteTheInternetAsANonCanonicalSlashZero() {
        Finding finding = finding("ModifySecurityGroupRules.non-canonical-slash-zero");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, "tcp", 22, 22, "0.0.0.0/0");
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals(open.ruleIds(), ec2.revokes.getFirst().securityGroupRuleIds());
        assertTrue(applied.plan().undoCommand().contains("CidrIp=0.0.0.0/0"), applied.plan().undoCommand());
    }

    @Test
    void revokesAModifiedIpv6Rule_whoseEventWroteTheInternetUncompressed() {
        Finding finding = finding("ModifySecurityGroupRules.ipv6-uncompressed-world");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, "tcp", 3389, 3389, "::/0");
        assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals(open.ruleIds(), ec2.revokes.getFirst().securityGroupRuleIds());
    }

    @Test
    void leavesARuleAlone_thatWasNarrowedToASlash32BeforeARetriedEventArrived() {
        Finding finding = finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, "tcp", 22, 22, "203.0.113.7/32");
        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding));
        assertTrue(skipped.reason().contains("is now tcp 22 from 203.0.113.7/32"), skipped.reason());
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void leavesARuleAlone_thatWasMovedToTcp443Since() {
        Finding finding = finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), false, "tcp", 443, 443, "0.0.0.0/0");
        assertInstanceOf(Outcome.Skipped.class, enforce(finding));
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void countsARuleEc2NoLongerHoldsAsDone_withoutRevoking() {
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class,
                enforce(finding("AuthorizeSecurityGroupIngress.ipv4-world-ssh")));
        assertEquals("the rule was already gone", applied.detail());
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void leavesTheDefaultEgressRuleAlone_andPlansNoIngressUndo() {
        Finding finding = finding("ModifySecurityGroupRules.default-egress-all-traffic");
        OpenSecurityGroupIngress open = details(finding);
        ec2.rule(open.ruleIds().getFirst(), open.groupId(), true, "-1", -1, -1, "0.0.0.0/0");
        Plan plan = revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow();
        assertEquals("", plan.undoCommand(), "an undo must not claim ingress before EC2 confirms it");
        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding));
        assertTrue(skipped.reason().contains("is an egress rule"), skipped.reason());
        assertTrue(ec2.revokes.isEmpty());
    }

    @Test
    void sendsTheCanonicalCidr_whenRevokingByPermission() throws Exception {
        Finding finding = inlineFinding("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":22,"toPort":22,
                  "cidrIp":"203.0.113.7/0","ipPermissions":{}},
                 "responseElements":{"_return":true}}
                """);
        assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals("0.0.0.0/0", ec2.revokes.getFirst().ipPermissions().getFirst().ipRanges().getFirst().cidrIp());
    }

    @Test
    void failsNamingWhatIsStillOpen_whenARevokeByPermissionMatchedNothing() {
        Finding finding = finding("AuthorizeSecurityGroupIngress.legacy-flat-form");
        ec2.rule("sgr-0ffffffffffffffff", details(finding).groupId(), false, "tcp", 22, 22, "0.0.0.0/0")
                .revokeMatchesNothing();
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, enforce(finding));
        assertEquals("still open after the revoke: sgr-0ffffffffffffffff tcp 22 from 0.0.0.0/0 (EC2 matched no rule "
                + "to the event's permission)", failed.error());
    }

    @Test
    void countsARevokeByPermissionThatMatchedNothingAsDone_whenNothingIsOpenAfterwards() {
        Finding finding = finding("AuthorizeSecurityGroupIngress.legacy-flat-form");
        ec2.revokeMatchesNothing();
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, enforce(finding));
        assertEquals("the permission was already gone", applied.detail());
    }

    @Test
    void revokesNothing_andFailsForAPerson_whenAModifiedRuleHasNoIdAndNoDirection() throws Exception {
        Finding finding = inlineFinding("""
                {"eventName":"ModifySecurityGroupRules","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-0123456789abcdef0",
                  "SecurityGroupRule":{"tag":1,"SecurityGroupRule":{"IpProtocol":"tcp","FromPort":22,"ToPort":22,
                   "CidrIpv4":"0.0.0.0/0"}}}}}
                """);
        assertEquals("", revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow().undoCommand());
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, enforce(finding));
        assertEquals(RevokeSecurityGroupRules.DIRECTION_NOT_STATED, failed.error());
        assertTrue(ec2.revokes.isEmpty());
    }
}
