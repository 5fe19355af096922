package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.PrefixListIngress;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.WireServer.Reply;
import dev.watchpost.wire.WireServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Sweeps against EC2's own wire answers where moto falls short: it implements neither
 * {@code GetSerialConsoleAccessStatus} nor {@code GetInstanceMetadataDefaults}, and does not paginate
 * {@code DescribeSecurityGroupRules}; here pages are forced small and the reads answered (or refused) as EC2 writes
 * them.
 */
class SweepWireTest {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");

    private final WireServer server = new WireServer();
    private final Ec2Client ec2 = Ec2Client.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
            .build();
    private final Remediations.Clients clients = Remediations.Clients.of(ec2, null);

    @AfterEach
    void close() {
        ec2.close();
        server.close();
    }

    @Test
    void readsEveryPageOfRules_askingForSmallPages_andJoinsAGroupsRulesAcrossPages() {
        server.on("DescribeSecurityGroupRules",
                rules("page-2", rule("sgr-a1", "sg-a", "tcp", 22, 22, "0.0.0.0/0"),
                        rule("sgr-b1", "sg-b", "udp", 22, 22, "0.0.0.0/0"),
                        rule("sgr-b2", "sg-b", "tcp", 22, 22, "198.51.100.7/32"),
                        rule("sgr-b3", "sg-b", "tcp", 443, 443, "0.0.0.0/0"),
                        rule("sgr-b4", "sg-b", "tcp", 22, 22, "0.0.0.0/1")),
                rules(null, rule("sgr-a2", "sg-a", "tcp", 3389, 3389, "::/0")));
        server.on("DescribeNetworkAcls", Reply.xml(200, "<DescribeNetworkAclsResponse " + NS
                + "><requestId>r</requestId><networkAclSet/></DescribeNetworkAclsResponse>"));

        List<Finding> found = sweep(Family.NETWORK).findings(clients, ACCOUNT, REGION, AT);

        List<WireServer.Request> pages = server.requests("DescribeSecurityGroupRules");
        assertEquals(2, pages.size());
        assertEquals("5", pages.get(0).form().get("MaxResults"));
        assertEquals("page-2", pages.get(1).form().get("NextToken"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("sg-a", found.getFirst().primaryResourceId());
        assertEquals("sgr-a1, sgr-a2", found.getFirst().context().get("ruleIds"));
    }

    @Test
    void reportsARuleFromAListEc2WillNotShow_withTheRefusal_andKeepsThePlacesOtherFindings() {
        server.on("DescribeSecurityGroupRules", rules(null, rule("sgr-a1", "sg-a", "tcp", 22, 22, "0.0.0.0/0"),
                rule("sgr-p1", "sg-p", "tcp", 22, 22, "pl-0123456789abcdef0")));
        server.on("GetManagedPrefixListEntries", Ec2Wire.unauthorized("GetManagedPrefixListEntries"));
        server.on("DescribeNetworkAcls", Reply.xml(200, "<DescribeNetworkAclsResponse " + NS
                + "><requestId>r</requestId><networkAclSet/></DescribeNetworkAclsResponse>"));

        List<Finding> found = sweep(Family.NETWORK).findings(clients, ACCOUNT, REGION, AT);

        assertEquals(List.of("network.sg-admin-port-open sg-a", "network.sg-admin-port-prefix-list sg-p"),
                found.stream().map(f -> f.detection().id() + " " + f.primaryResourceId()).toList());
        String entries = found.get(1).context().get("prefixListEntries");
        assertTrue(entries.startsWith("pl-0123456789abcdef0 could not be read (UnauthorizedOperation"), entries);
        assertEquals(List.of("sgr-p1"), ((PrefixListIngress) found.get(1).details()).ruleIds());
    }

    @Test
    void findsSerialConsoleAccessEnabled() {
        server.on("GetSerialConsoleAccessStatus", serialConsole(true));

        List<Finding> found = sweep(Family.ACCESS).findings(clients, ACCOUNT, REGION, AT);

        assertEquals(List.of("access.serial-console-enabled"), ids(found));
        assertEquals("serial-console-access/us-east-1", found.getFirst().primaryResourceId());
        assertTrue(found.getFirst().event().isSweep());
    }

    @Test
    void findsNothing_whenSerialConsoleAccessIsDisabled() {
        server.on("GetSerialConsoleAccessStatus", serialConsole(false));

        assertEquals(List.of(), sweep(Family.ACCESS).findings(clients, ACCOUNT, REGION, AT));
    }

    @Test
    void findsAnAccountImdsDefaultAllowingV1_andEbsEncryptionOff_andARunningInstanceWithOptionalTokens() {
        server.on("GetEbsEncryptionByDefault", Reply.xml(200, "<GetEbsEncryptionByDefaultResponse " + NS
                + "><requestId>r</requestId><ebsEncryptionByDefault>false</ebsEncryptionByDefault>"
                + "</GetEbsEncryptionByDefaultResponse>"));
        server.on("GetInstanceMetadataDefaults", Reply.xml(200, "<GetInstanceMetadataDefaultsResponse " + NS
                + "><requestId>r</requestId><accountLevel><httpTokens>optional</httpTokens>"
                + "<httpEndpoint>enabled</httpEndpoint></accountLevel></GetInstanceMetadataDefaultsResponse>"));
        server.on("DescribeInstances", Reply.xml(200, "<DescribeInstancesResponse " + NS + "><requestId>r"
                + "</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
                + "<instanceId>i-0123456789abcdef0</instanceId><metadataOptions><httpTokens>optional</httpTokens>"
                + "<httpEndpoint>enabled</httpEndpoint></metadataOptions></item></instancesSet></item>"
                + "</reservationSet></DescribeInstancesResponse>"));

        List<Finding> found = sweep(Family.HARDENING).findings(clients, ACCOUNT, REGION, AT);

        assertEquals(List.of("hardening.ebs-default-encryption-disabled", "hardening.imds-v1-allowed",
                "hardening.imds-v1-allowed"), ids(found));
        assertEquals("instance-metadata-defaults/us-east-1", found.get(1).primaryResourceId());
        assertEquals("IMDSv1 allowed on i-0123456789abcdef0 (running)", found.get(2).title());
        Map<String, String> filters = server.requests("DescribeInstances").getFirst().form();
        assertTrue(filters.containsValue("metadata-options.http-tokens") && filters.containsValue("optional")
                && filters.containsValue("instance-state-name") && filters.containsValue("running"),
                filters.toString());
    }

    private static Sweep sweep(Family family) {
        Settings settings = Settings.fromEnvironment(Map.of());
        Detections detections = Wiring.detectionsOf(family, settings);
        return Sweeps.of(family, detections, settings.namePrefix(), 5, Optional.empty());
    }

    private static List<String> ids(List<Finding> found) {
        return found.stream().map(f -> f.detection().id()).toList();
    }

    private static Reply serialConsole(boolean enabled) {
        return Reply.xml(200, "<GetSerialConsoleAccessStatusResponse " + NS + "><requestId>r</requestId>"
                + "<serialConsoleAccessEnabled>" + enabled + "</serialConsoleAccessEnabled>"
                + "</GetSerialConsoleAccessStatusResponse>");
    }

    private static Reply rules(String nextToken, String... items) {
        return Reply.xml(200, "<DescribeSecurityGroupRulesResponse " + NS + "><requestId>r</requestId>"
                + "<securityGroupRuleSet>" + String.join("", items) + "</securityGroupRuleSet>"
                + (nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeSecurityGroupRulesResponse>");
    }

    private static String rule(String id, String group, String protocol, int from, int to, String cidr) {
        String source = cidr.startsWith("pl-") ? "<prefixListId>" + cidr + "</prefixListId>"
                : cidr.contains(":") ? "<cidrIpv6>" + cidr + "</cidrIpv6>" : "<cidrIpv4>" + cidr + "</cidrIpv4>";
        return "<item><securityGroupRuleId>" + id + "</securityGroupRuleId><groupId>" + group + "</groupId>"
                + "<groupOwnerId>" + ACCOUNT + "</groupOwnerId><isEgress>false</isEgress><ipProtocol>" + protocol
                + "</ipProtocol><fromPort>" + from + "</fromPort><toPort>" + to + "</toPort>" + source
                + "<tagSet/></item>";
    }
}
