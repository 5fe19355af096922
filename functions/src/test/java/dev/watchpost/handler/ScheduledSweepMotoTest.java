package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.TestWiring;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.sweep.SweepDigest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network function of a central account answering the schedule, against moto: {@code {"watchpost":"sweep"}}
 * covers its own account and a listed member account (through the member role) in two regions, revokes what is open
 * there, leaves an exempt group and says why; {@code {"watchpost":"digest"}} lists what stays open; every scheduled
 * request counts a heartbeat.
 */
class ScheduledSweepMotoTest {
    private static final String CENTRAL = MotoServer.DEFAULT_ACCOUNT;
    private static final String MEMBER = "111111111111";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + CENTRAL + ":watchpost-alerts";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CENTRAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000000", "central-secret"));
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final FakeSns sns = new FakeSns();
    private final FakeContext context = new FakeContext();
    private final Map<String, String> openGroups = new HashMap<>();
    private String exemptGroup;
    private FamilyEventsHandler handler;

    @BeforeEach
    void plantAndWire() {
        for (String account : List.of(CENTRAL, MEMBER)) {
            for (String region : REGIONS) {
                try (Ec2Client ec2 = MOTO.ec2(account, region, CENTRAL_CREDENTIALS)) {
                    String group = ec2.createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
                    ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                            .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
                    openGroups.put(account + "/" + region, group);
                }
            }
        }
        try (Ec2Client ec2 = MOTO.ec2(CENTRAL, "us-east-1", CENTRAL_CREDENTIALS)) {
            exemptGroup = ec2.createSecurityGroup(r -> r.groupName("bastion").description("jump")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(exemptGroup).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
            ec2.createTags(r -> r.resources(exemptGroup).tags(t -> t.key(Settings.DEFAULT_EXEMPT_TAG_KEY)
                    .value("jump host until=2999-12-31")));
        }
        Map<String, String> env = Map.of(Settings.TOPIC_ARN, TOPIC, Settings.ACCOUNT_ID, CENTRAL,
                Settings.MEMBER_ROLES, "true", "AWS_REGION", "us-east-1",
                SweepSettings.ACCOUNTS, MEMBER, SweepSettings.REGIONS, String.join(",", REGIONS));
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.US_EAST_1, CENTRAL_CREDENTIALS));
        Pipeline pipeline = TestWiring.lambdaPipeline(Family.NETWORK, env, clients, clients::sts, sns);
        handler = new FamilyEventsHandler(Family.NETWORK, pipeline, Clock.systemUTC(),
                () -> LambdaSweep.fromEnvironment(Family.NETWORK, env, clients, clients::sts,
                        AlertClients.snsOnly(sns), Wiring::deployModes, clients::dynamoDb)) {};
    }

    @Test
    void sweepsEveryAccountAndRegion_revokingThroughTheMemberRole() {
        JsonNode answer = invoke("{\"watchpost\":\"sweep\"}");

        assertEquals(0, answer.path("problems").asInt(), context.logLines.toString());
        for (String account : List.of(CENTRAL, MEMBER)) {
            for (String region : REGIONS) {
                assertEquals(List.of(), ingress(account, region, openGroups.get(account + "/" + region)),
                        account + "/" + region + " revoked");
            }
        }
        assertEquals(1, ingress(CENTRAL, "us-east-1", exemptGroup).size(), "the exempt group is untouched");
        List<JsonNode> findings = publishedFindings();
        assertTrue(findings.stream().allMatch(f -> f.path("origin").asText().equals("sweep")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.path("account").asText().equals(MEMBER)
                && f.path("outcome").path("status").asText().equals("applied")), findings.toString());
    }

    @Test
    void digestListsTheExemptGroupThatStaysOpen_andIsMarkedForTheSlackNotifierToSkip() {
        invoke("{\"watchpost\":\"sweep\"}");
        sns.published.clear();

        JsonNode answer = invoke("{\"watchpost\":\"digest\"}");

        assertTrue(answer.path("open").asInt() >= 1, answer.toString());
        String digest = sns.published.getFirst().message();
        assertTrue(digest.contains(exemptGroup) && digest.contains("exempt by tag watchpost:exempt: jump host"),
                digest);
        assertEquals(SweepDigest.KIND, sns.published.getFirst().messageAttributes()
                .get(SweepDigest.KIND_ATTRIBUTE).stringValue());
    }

    @Test
    void countsAHeartbeat_forEveryScheduledRequest() {
        JsonNode answer = invoke("{\"watchpost\":\"heartbeat\"}");

        assertEquals("ALIVE", answer.path("status").asText());
        assertTrue(context.logLines.stream().anyMatch(line -> line.contains("\"Heartbeat\":1")),
                context.logLines.toString());
        assertEquals(List.of(), sns.published, "a heartbeat alerts nobody");
    }

    private JsonNode invoke(String request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, context);
            return MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> publishedFindings() {
        return sns.published.stream().map(p -> {
            try {
                return MAPPER.readTree(MAPPER.readTree(p.message()).path("default").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> ingress(String account, String region, String group) {
        try (Ec2Client ec2 = MOTO.ec2(account, region, CENTRAL_CREDENTIALS)) {
            return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                    .securityGroupRules().stream().filter(rule -> !rule.isEgress())
                    .map(SecurityGroupRule::securityGroupRuleId).toList();
        }
    }
}
