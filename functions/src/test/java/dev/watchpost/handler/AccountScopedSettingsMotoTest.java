package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.pipeline.SsmSettingsReader;
import dev.watchpost.pipeline.TestWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization deployment against moto: the central account's {@code /watchpost/settings} says ENFORCE in the
 * production account and DRY_RUN everywhere else, and switches remediation off in a third account. The same event,
 * from each member account, is remediated (through that account's member role) only in production.
 */
class AccountScopedSettingsMotoTest {
    private static final String CENTRAL = MotoServer.DEFAULT_ACCOUNT;
    private static final String PRODUCTION = "111111111111";
    private static final String SANDBOX = "222222222222";
    private static final String FROZEN = "333333333333";
    private static final String REGION = "us-east-1";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String SG = "network.sg-admin-port-open";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CENTRAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000001", "central-secret"));
    private static final Map<String, String> ENV = Map.of(
            Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:" + CENTRAL + ":watchpost-alerts",
            Settings.ACCOUNT_ID, CENTRAL, Settings.MEMBER_ROLES, "true", "AWS_REGION", REGION);

    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final FakeSns sns = new FakeSns();
    private final List<String> log = new ArrayList<>();
    private final JsonLogTelemetry telemetry = new JsonLogTelemetry(log::add, "watchpost-network", Clock.systemUTC());
    private Pipeline pipeline;

    @BeforeEach
    void deployCentrally() {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(MOTO.uri()).region(Region.of(REGION))
                .credentialsProvider(CENTRAL_CREDENTIALS).build()) {
            ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value("""
                    {"modes": {"network.sg-admin-port-open": "DRY_RUN"},
                     "accounts": {"111111111111": {"mode": "ENFORCE"},
                                  "333333333333": {"remediation": "off", "mode": "ENFORCE"}}}"""));
        }
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.of(REGION),
                CENTRAL_CREDENTIALS));
        pipeline = TestWiring.lambdaPipeline(Family.NETWORK, ENV, clients, clients::sts, AlertClients.snsOnly(sns),
                settings -> new RuntimeModes(new SsmSettingsReader(clients.ssm(), PARAMETER), PARAMETER,
                        settings.remediationModes(), Clock.systemUTC(), telemetry));
    }

    @Test
    void enforcesInProduction_throughItsMemberRole() {
        Opened opened = open(PRODUCTION);
        JsonNode alert = handle(opened);
        assertEquals("applied", alert.path("outcome").path("status").asText(), alert.toString());
        assertFalse(stillOpen(opened));
    }

    @Test
    void onlyPlansInASandbox_asTheDetectionsModeForEveryAccountSays() {
        Opened opened = open(SANDBOX);
        JsonNode alert = handle(opened);
        assertEquals("planned", alert.path("outcome").path("status").asText(), alert.toString());
        assertTrue(stillOpen(opened));
    }

    @Test
    void changesNothingInAnAccountSwitchedOff_evenThoughItsModeIsEnforce() {
        Opened opened = open(FROZEN);
        JsonNode alert = handle(opened);
        assertEquals("skipped", alert.path("outcome").path("status").asText(), alert.toString());
        assertTrue(alert.path("outcome").toString().contains("for account " + FROZEN), alert.toString());
        assertTrue(stillOpen(opened));
    }

    /** A group with SSH open to the world in one account. */
    private record Opened(String account, String group, String rule) {}

    private static Opened open(String account) {
        try (Ec2Client ec2 = MOTO.ec2(account, REGION, CENTRAL_CREDENTIALS)) {
            String group = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            return new Opened(account, group, openRules(ec2, group).getFirst());
        }
    }

    private static boolean stillOpen(Opened opened) {
        try (Ec2Client ec2 = MOTO.ec2(opened.account(), REGION, CENTRAL_CREDENTIALS)) {
            return !openRules(ec2, opened.group()).isEmpty();
        }
    }

    private JsonNode handle(Opened opened) {
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        envelope.put("account", opened.account());
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("recipientAccountId", opened.account()).put("eventID", UUID.randomUUID().toString());
        ((ObjectNode) detail.path("requestParameters")).put("groupId", opened.group());
        ((ObjectNode) detail.path("responseElements").path("securityGroupRuleSet").path("items").get(0))
                .put("groupId", opened.group()).put("securityGroupRuleId", opened.rule())
                .put("groupOwnerId", opened.account());
        pipeline.process(envelope.toString().getBytes(StandardCharsets.UTF_8), "moto test", telemetry);
        assertEquals(1, sns.published.size(), "one alert");
        try {
            return MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> openRules(Ec2Client ec2, String group) {
        return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules().stream().filter(rule -> !rule.isEgress() && rule.ipProtocol().equals("tcp"))
                .map(SecurityGroupRule::securityGroupRuleId).toList();
    }
}
