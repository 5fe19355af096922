package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.Telemetry;
import dev.watchpost.pipeline.TestWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network function of a central account against moto with three accounts: the central one (moto's default
 * credentials) and two members reached through {@code sts:AssumeRole}. Each account has a group of its own with SSH
 * open to the world; an event names member A's group and rule. Only A's rule may go, and only through A's member
 * role; without member roles nothing changes anywhere and the alert says why. moto does not check trust policies:
 * those are in the infra template tests.
 */
class OrganizationMotoTest {
    private static final String CENTRAL = MotoServer.DEFAULT_ACCOUNT;
    private static final String MEMBER_A = "111111111111";
    private static final String MEMBER_B = "222222222222";
    private static final String REGION = "us-east-1";
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + CENTRAL + ":watchpost-alerts";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CENTRAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000000", "central-secret"));

    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final Map<String, OpenGroup> groups = new HashMap<>();
    private final FakeSns sns = new FakeSns();
    private final List<String> log = new java.util.ArrayList<>();
    private final Telemetry telemetry = new JsonLogTelemetry(log::add, "watchpost-network", Clock.systemUTC());

    /** A group with SSH open to the world, in one account. */
    private record OpenGroup(String account, String groupId, String ruleId) {}

    @BeforeEach
    void plantAnOpenGroupInEachAccount() {
        for (String account : List.of(CENTRAL, MEMBER_A, MEMBER_B)) {
            try (Ec2Client ec2 = MOTO.ec2(account, REGION, CENTRAL_CREDENTIALS)) {
                String group = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh")).groupId();
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                        .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
                groups.put(account, new OpenGroup(account, group, ingressRules(ec2, group).getFirst()
                        .securityGroupRuleId()));
            }
        }
    }

    @Test
    void revokesTheRuleInTheMemberAccountOnly_throughItsMemberRole() {
        JsonNode finding = handle(organizationEnvironment(), eventFrom(groups.get(MEMBER_A)));

        assertEquals("applied", finding.path("outcome").path("status").asText(), finding.toString());
        assertEquals(List.of(), ingressRuleIds(MEMBER_A), "A's rule was revoked");
        assertEquals(List.of(groups.get(MEMBER_B).ruleId()), ingressRuleIds(MEMBER_B), "B is untouched");
        assertEquals(List.of(groups.get(CENTRAL).ruleId()), ingressRuleIds(CENTRAL), "the central account is untouched");
    }

    @Test
    void revokesInTheCentralAccountWithItsOwnCredentials_inOrganizationMode() {
        JsonNode finding = handle(organizationEnvironment(), eventFrom(groups.get(CENTRAL)));

        assertEquals("applied", finding.path("outcome").path("status").asText(), finding.toString());
        assertEquals(List.of(), ingressRuleIds(CENTRAL));
        assertEquals(List.of(groups.get(MEMBER_A).ruleId()), ingressRuleIds(MEMBER_A));
    }

    @Test
    void skipsAMemberEvent_withoutMemberRoles_andChangesNothingAnywhere() {
        JsonNode finding = handle(singleAccountEnvironment(), eventFrom(groups.get(MEMBER_A)));

        JsonNode outcome = finding.path("outcome");
        assertEquals("skipped", outcome.path("status").asText(), finding.toString());
        assertTrue(outcome.toString().contains("account " + MEMBER_A), outcome.toString());
        for (String account : List.of(CENTRAL, MEMBER_A, MEMBER_B)) {
            assertEquals(List.of(groups.get(account).ruleId()), ingressRuleIds(account), account + " is untouched");
        }
    }

    /**
     * The hand-made central setup: a member's event handled with the central account's credentials used to look the
     * group up in the central account, read "InvalidGroup.NotFound" as "already revoked" and report it applied.
     */
    @Test
    void neverReportsAMemberGroupAsGone_whenItWasLookedUpInTheCentralAccount() {
        JsonNode finding = handle(singleAccountEnvironment(), eventFrom(groups.get(MEMBER_A)));

        JsonNode outcome = finding.path("outcome");
        assertFalse(outcome.path("status").asText().equals("applied"), outcome.toString());
        assertFalse(outcome.toString().contains("no longer exists"), outcome.toString());
        assertEquals(List.of(groups.get(MEMBER_A).ruleId()), ingressRuleIds(MEMBER_A), "port 22 is still open in A");
        assertTrue(log.stream().anyMatch(line -> line.contains("\"Outcome\":\"skipped\"")), log.toString());
        assertFalse(log.stream().anyMatch(line -> line.contains("\"Outcome\":\"applied\"")),
                "no applied remediation is counted");
    }

    private JsonNode handle(Map<String, String> env, byte[] event) {
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.of(REGION),
                CENTRAL_CREDENTIALS));
        Pipeline pipeline = TestWiring.lambdaPipeline(Family.NETWORK, env, clients, clients::sts, sns);
        pipeline.process(event, "moto test", telemetry);
        assertEquals(1, sns.published.size(), "one alert");
        try {
            return MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> singleAccountEnvironment() {
        return Map.of(Settings.TOPIC_ARN, TOPIC, Settings.ACCOUNT_ID, CENTRAL, "AWS_REGION", REGION);
    }

    private static Map<String, String> organizationEnvironment() {
        return Map.of(Settings.TOPIC_ARN, TOPIC, Settings.ACCOUNT_ID, CENTRAL, Settings.MEMBER_ROLES, "true",
                "AWS_REGION", REGION);
    }

    /** The fixture of SSH opened to the world, as it would come from {@code group}'s account. */
    private static byte[] eventFrom(OpenGroup group) {
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        envelope.put("account", group.account());
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("recipientAccountId", group.account());
        ((ObjectNode) detail.path("requestParameters")).put("groupId", group.groupId());
        ObjectNode rule = (ObjectNode) detail.path("responseElements").path("securityGroupRuleSet").path("items").get(0);
        rule.put("groupId", group.groupId()).put("securityGroupRuleId", group.ruleId())
                .put("groupOwnerId", group.account());
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ingressRuleIds(String account) {
        try (Ec2Client ec2 = MOTO.ec2(account, REGION, CENTRAL_CREDENTIALS)) {
            return ingressRules(ec2, null).stream().filter(rule -> rule.ipProtocol().equals("tcp"))
                    .map(SecurityGroupRule::securityGroupRuleId).toList();
        }
    }

    private static List<SecurityGroupRule> ingressRules(Ec2Client ec2, String group) {
        return ec2.describeSecurityGroupRules(r -> {
            if (group != null) {
                r.filters(f -> f.name("group-id").values(group));
            }
        }).securityGroupRules().stream().filter(rule -> !rule.isEgress()).toList();
    }
}
