package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.WireServer.Request;
import dev.watchpost.wire.WireServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The prefix-list revoke against EC2 on the wire: a real {@link Ec2Client} talks to a loopback server answering in
 * EC2's query/XML format, and the tests assert exactly what was sent. The fixture's rule lets
 * {@value #LIST} reach SSH on {@value #GROUP}.
 */
class RevokePrefixListRulesWireTest {
    private static final String FIXTURE = "network/AuthorizeSecurityGroupIngress.prefix-list.json";
    private static final String GROUP = "sg-ed9e3e95b541b4af5";
    private static final String RULE = "sgr-db8559c0ac5c41cfd";
    private static final String LIST = "pl-ce620328ac5657d9c";
    private static final WireServer.Reply SSH_FROM_LIST = Ec2Wire.prefixListRule(RULE, GROUP, "tcp", 22, 22, LIST);

    private final WireServer server = new WireServer();
    private final Ec2Client ec2 = Ec2Client.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDEXAMPLE", "wire-test-secret")))
            .build();
    private final RevokePrefixListRules revoke = new RevokePrefixListRules("watchpost:exempt", Clock.systemUTC(),
            new ExemptionWitness());

    @AfterEach
    void stop() {
        ec2.close();
        server.close();
    }

    private static Finding finding(CloudTrailEvent event) {
        return new SecurityGroupAdminPortFromPrefixList(DetectionParameters.defaults()).evaluate(event).getFirst();
    }

    private Outcome enforce(Finding finding) {
        Plan plan = revoke.plan(finding, RemediationMode.ENFORCE).orElseThrow();
        return revoke.apply(plan, finding, Remediations.Clients.of(ec2, null));
    }

    private WireServer groupWithSshFromTheList() {
        return server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", SSH_FROM_LIST);
    }

    private List<Request> revokes() {
        return server.requests("RevokeSecurityGroupIngress");
    }

    @Test
    void revokesExactlyTheReferencingRule_whenTheListHoldsTheInternet() {
        groupWithSshFromTheList().on("GetManagedPrefixListEntries", Ec2Wire.prefixListEntries(null, "10.0.0.0/8",
                        "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.revokedPrefixListRule(RULE, GROUP, 22, LIST));

        Outcome outcome = enforce(finding(Fixtures.event(FIXTURE)));

        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, outcome);
        assertEquals("revoked " + RULE + " (" + LIST + " holds 0.0.0.0/0)", applied.detail());
        assertEquals(LIST, server.requests("GetManagedPrefixListEntries").getFirst().form().get("PrefixListId"));
        assertEquals(List.of(RULE), server.requests("DescribeSecurityGroupRules").stream()
                .map(r -> r.form().get("SecurityGroupRuleId.1")).toList(), "the rule is read by its id");
        assertEquals(1, revokes().size());
        Map<String, String> form = revokes().getFirst().form();
        assertEquals(GROUP, form.get("GroupId"));
        assertEquals(RULE, form.get("SecurityGroupRuleId.1"));
        assertFalse(form.containsKey("SecurityGroupRuleId.2"), form.toString());
        assertFalse(form.keySet().stream().anyMatch(k -> k.startsWith("IpPermissions")), form.toString());
        assertEquals("aws ec2 authorize-security-group-ingress --region us-east-1 --group-id " + GROUP
                + " --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,PrefixListIds=[{PrefixListId=" + LIST
                + "}]'", applied.plan().undoCommand());
    }

    @Test
    void revokesNothing_andSaysWhy_whenTheListHoldsOnlyPrivateRanges() {
        groupWithSshFromTheList().on("GetManagedPrefixListEntries", Ec2Wire.prefixListEntries(null, "10.0.0.0/8",
                "192.168.0.0/16"));

        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding(Fixtures.event(FIXTURE))));

        assertTrue(revokes().isEmpty(), "nothing is revoked");
        assertEquals(LIST + " holds only 10.0.0.0/8, 192.168.0.0/16: not the internet, left alone", skipped.reason());
    }

    @Test
    void readsEveryPageOfTheEntries_andComparesThemAsNetworks() {
        groupWithSshFromTheList().on("GetManagedPrefixListEntries",
                        Ec2Wire.prefixListEntries("page-2", "10.0.0.0/8"),
                        Ec2Wire.prefixListEntries(null, "198.51.100.7/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.revokedPrefixListRule(RULE, GROUP, 22, LIST));

        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class, enforce(finding(Fixtures.event(FIXTURE))));

        List<Request> pages = server.requests("GetManagedPrefixListEntries");
        assertEquals(2, pages.size());
        assertEquals("page-2", pages.getLast().form().get("NextToken"));
        assertEquals(LIST, pages.getLast().form().get("PrefixListId"));
        assertEquals(RULE, revokes().getFirst().form().get("SecurityGroupRuleId.1"));
        assertTrue(applied.detail().contains("holds 198.51.100.7/0"), applied.detail());
    }

    @Test
    void revokesNothing_whenTheRuleWasNarrowedToHttps() {
        server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", Ec2Wire.prefixListRule(RULE, GROUP, "tcp", 443, 443, LIST));

        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding(Fixtures.event(FIXTURE))));

        assertTrue(revokes().isEmpty());
        assertTrue(server.requests("GetManagedPrefixListEntries").isEmpty(), "no list to read for a narrowed rule");
        assertEquals("no rule still lets " + LIST + " reach an admin port; " + RULE + " is now tcp 443 from " + LIST,
                skipped.reason());
    }

    @Test
    void revokesNothing_whenTheRuleIsGone() {
        server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", Ec2Wire.error(400, "InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID '" + RULE + "' does not exist"));

        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding(Fixtures.event(FIXTURE))));

        assertTrue(revokes().isEmpty());
        assertTrue(skipped.reason().endsWith(RULE + " is gone"), skipped.reason());
    }

    @Test
    void fails_whenEc2ListsTheRuleAsUnknown() {
        groupWithSshFromTheList().on("GetManagedPrefixListEntries", Ec2Wire.prefixListEntries(null, "::/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.revokeUnknownPrefixList(22, LIST));

        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, enforce(finding(Fixtures.event(FIXTURE))));

        assertEquals(1, revokes().size());
        assertEquals("EC2 matched no rule to tcp 22-22 from " + LIST + " (" + LIST + " holds ::/0)", failed.error());
    }

    @Test
    void findsTheReferencingRuleByGroup_whenTheEventNamedNoRuleId() throws Exception {
        ObjectNode envelope = (ObjectNode) new ObjectMapper().readTree(Fixtures.bytes(FIXTURE));
        ((ObjectNode) envelope.path("detail")).putNull("responseElements");
        groupWithSshFromTheList().on("GetManagedPrefixListEntries", Ec2Wire.prefixListEntries(null, "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.revokedPrefixListRule(RULE, GROUP, 22, LIST));

        Outcome outcome = enforce(finding(CloudTrailEvent.parse(new ObjectMapper().writeValueAsBytes(envelope))));

        assertInstanceOf(Outcome.Applied.class, outcome);
        assertEquals(GROUP, server.requests("DescribeSecurityGroupRules").getFirst().form().get("Filter.1.Value.1"));
        assertEquals(RULE, revokes().getFirst().form().get("SecurityGroupRuleId.1"));
    }

    @Test
    void skipsAnExemptGroup_withoutReadingTheList() {
        server.on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, "watchpost:exempt", "jump host"));

        Outcome.Skipped skipped = assertInstanceOf(Outcome.Skipped.class, enforce(finding(Fixtures.event(FIXTURE))));

        assertEquals("exempt by tag watchpost:exempt: jump host", skipped.reason());
        assertEquals(List.of("DescribeSecurityGroups"), server.requests().stream().map(Request::action).toList());
    }
}
