package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.MovableClock;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.pipeline.SsmSettingsReader;
import dev.watchpost.pipeline.TestWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
 * The network function against moto, its modes read from {@code /watchpost/settings} in moto's SSM while the test
 * edits the parameter: a changed mode takes effect within the cache time (moved by hand) without building a new
 * pipeline, the kill switch stops remediation and the alert says why, and a malformed value keeps the last good
 * settings and is reported. Each event opens SSH on a fresh group, so what was revoked is read back from EC2.
 */
class RuntimeSettingsMotoTest {
    private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
    private static final String REGION = "us-east-1";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String SG = "network.sg-admin-port-open";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASETTINGS00000000", "settings-secret"));
    private static final Map<String, String> ENV = Map.of(
            Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:" + ACCOUNT + ":watchpost-alerts",
            Settings.ACCOUNT_ID, ACCOUNT, "AWS_REGION", REGION);

    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final FakeSns sns = new FakeSns();
    private final List<String> log = new ArrayList<>();
    private final JsonLogTelemetry telemetry = new JsonLogTelemetry(log::add, "watchpost-network", Clock.systemUTC());
    private final MovableClock clock = new MovableClock();
    private SsmClient ssm;
    private Ec2Client ec2;
    private Pipeline pipeline;

    @BeforeEach
    void deployTheParameterAndTheFunction() {
        ssm = SsmClient.builder().endpointOverride(MOTO.uri()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).build();
        ec2 = Ec2Client.builder().endpointOverride(MOTO.uri()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).build();
        ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value(RuntimeSettingsJson.INITIAL_VALUE));
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.of(REGION), CREDENTIALS));
        pipeline = TestWiring.lambdaPipeline(Family.NETWORK, ENV, clients, clients::sts, AlertClients.snsOnly(sns),
                settings -> new RuntimeModes(new SsmSettingsReader(clients.ssm(), PARAMETER), PARAMETER,
                        settings.remediationModes(), clock, telemetry));
    }

    @AfterEach
    void closeClients() {
        ssm.close();
        ec2.close();
    }

    @Test
    void aModeChangedInTheParameter_takesEffectWithinTheCacheTime_withoutARestart() {
        set("{\"modes\":{\"" + SG + "\":\"DRY_RUN\"}}");
        assertEquals("planned", sshOpenedAndHandled().outcome());

        set("{\"modes\":{\"" + SG + "\":\"ENFORCE\"}}");
        clock.advance(Duration.ofSeconds(30));
        Handled cached = sshOpenedAndHandled();
        assertEquals("planned", cached.outcome(), "still the cached DRY_RUN");
        assertTrue(cached.stillOpen());

        clock.advance(Duration.ofSeconds(30));
        Handled enforced = sshOpenedAndHandled();
        assertEquals("applied", enforced.outcome(), enforced.alert().toString());
        assertFalse(enforced.stillOpen(), "the rule was revoked");
        assertEquals(1, logLines("runtime settings changed").stream()
                .filter(line -> line.contains("mode of " + SG + " (every account): DRY_RUN → ENFORCE")).count(),
                log.toString());
    }

    @Test
    void theKillSwitch_stopsEveryRemediation_andTheAlertSaysWhy() {
        set("{\"remediation\":\"off\",\"modes\":{\"" + SG + "\":\"ENFORCE\"}}");

        Handled handled = sshOpenedAndHandled();

        assertEquals("skipped", handled.outcome());
        assertTrue(handled.alert().path("outcome").toString().contains("remediation switched off by "
                + PARAMETER), handled.alert().toString());
        assertTrue(handled.stillOpen(), "nothing was revoked");
    }

    @Test
    void anAccountsKillSwitch_stopsRemediationInThatAccount() {
        set("{\"accounts\":{\"" + ACCOUNT + "\":{\"remediation\":\"off\"}}}");

        Handled handled = sshOpenedAndHandled();

        assertEquals("skipped", handled.outcome());
        assertTrue(handled.alert().path("outcome").toString().contains("for account " + ACCOUNT));
        assertTrue(handled.stillOpen());
    }

    @Test
    void aMalformedParameter_keepsTheLastGoodSettings_andRaisesAnAlert() {
        set("{\"modes\":{\"" + SG + "\":\"DRY_RUN\"}}");
        assertEquals("planned", sshOpenedAndHandled().outcome());

        set("{\"modes\":{\"" + SG + "\":\"ENFORCED\"}}");
        clock.advance(RuntimeModes.CACHE_TIME);
        Handled handled = sshOpenedAndHandled();

        assertEquals("planned", handled.outcome(), "DRY_RUN kept, not the deploy default ENFORCE");
        assertTrue(handled.stillOpen());
        List<String> invalid = logLines("runtime settings invalid");
        assertEquals(1, invalid.size(), log.toString());
        assertTrue(invalid.getFirst().contains("\"" + JsonLogTelemetry.SETTINGS_INVALID + "\":1"), invalid.getFirst());
        assertTrue(invalid.getFirst().contains("ENFORCED"), invalid.getFirst());
    }

    /** What one event came to: the alert's JSON and whether the group it opened is still open. */
    private record Handled(JsonNode alert, boolean stillOpen) {
        String outcome() {
            return alert.path("outcome").path("status").asText();
        }
    }

    private void set(String value) {
        ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value(value).overwrite(true));
    }

    /** Opens SSH to the world on a new group and runs the matching event (a new event id) through the pipeline. */
    private Handled sshOpenedAndHandled() {
        String group = ec2.createSecurityGroup(r -> r.groupName("bastion-" + UUID.randomUUID()).description("ssh"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
        String rule = openRules(group).getFirst();
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("eventID", UUID.randomUUID().toString());
        ((ObjectNode) detail.path("requestParameters")).put("groupId", group);
        ((ObjectNode) detail.path("responseElements").path("securityGroupRuleSet").path("items").get(0))
                .put("groupId", group).put("securityGroupRuleId", rule);
        int before = sns.published.size();
        pipeline.process(envelope.toString().getBytes(StandardCharsets.UTF_8), "moto test", telemetry);
        assertEquals(before + 1, sns.published.size(), "one alert");
        try {
            JsonNode alert = MAPPER.readTree(MAPPER.readTree(sns.published.getLast().message()).path("default")
                    .asText());
            return new Handled(alert, !openRules(group).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> openRules(String group) {
        return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules().stream().filter(rule -> !rule.isEgress() && rule.ipProtocol().equals("tcp"))
                .map(SecurityGroupRule::securityGroupRuleId).toList();
    }

    private List<String> logLines(String message) {
        return log.stream().filter(line -> line.contains("\"message\":\"" + message + "\"")).toList();
    }
}
