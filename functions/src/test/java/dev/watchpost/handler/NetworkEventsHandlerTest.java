package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FakeClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.TestWiring;
import dev.watchpost.remediate.ec2.FakeEc2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network function end to end: real wiring and pipeline, fake EC2 and SNS clients. */
class NetworkEventsHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:watchpost-alerts";

    private final FakeClients clients = new FakeClients();
    private final FakeEc2 ec2 = clients.ec2;
    private final FakeSns sns = new FakeSns();
    private final FakeContext context = new FakeContext();

    /** EC2 still holds the rule the world-SSH fixture opened. */
    @BeforeEach
    void ruleStillOpen() {
        ec2.rule("sgr-25848eff2234755a5", "sg-2c53d16ce65dea612", false, "0.0.0.0/0");
    }

    private NetworkEventsHandler handler(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.TOPIC_ARN, TOPIC,
                Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT, Settings.OWN_ROLE_ARNS, FixtureDeployment.OWN_ROLE));
        env.putAll(extra);
        return new NetworkEventsHandler(TestWiring.lambdaPipeline(Family.NETWORK, env, clients, FakeClients.NO_STS,
                sns),
                Clock.systemUTC());
    }

    private String invoke(NetworkEventsHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void revokesTheRuleAndPublishesOneAlert() throws Exception {
        String answer = invoke(handler(Map.of()),
                Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"));
        assertEquals("{\"status\":\"PROCESSED\",\"findings\":1}", answer);
        assertEquals(1, ec2.revokes.size());
        assertEquals(1, sns.published.size());
        PublishRequest publish = sns.published.getFirst();
        assertEquals(TOPIC, publish.topicArn());
        assertEquals("json", publish.messageStructure());
        assertEquals("HIGH", publish.messageAttributes().get("severity").stringValue());
        JsonNode finding = MAPPER.readTree(MAPPER.readTree(publish.message()).path("default").asText());
        assertEquals("applied", finding.path("outcome").path("status").asText());
    }

    @Test
    void dryRunPublishesThePlanAndChangesNothing() throws Exception {
        invoke(handler(Map.of(Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN")),
                Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"));
        assertTrue(ec2.calls.isEmpty());
        JsonNode finding = MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default").asText());
        assertEquals("planned", finding.path("outcome").path("status").asText());
    }

    @Test
    void aMalformedEventIsLoggedAndCountedAndReturnsNormally() throws Exception {
        String answer = invoke(handler(Map.of()), "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":{"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"status\":\"MALFORMED\",\"findings\":0}", answer);
        assertTrue(ec2.calls.isEmpty());
        assertTrue(sns.published.isEmpty());
        JsonNode line = MAPPER.readTree(context.logLines.getFirst());
        assertEquals(1, line.path("MalformedEvents").asInt());
        assertEquals("request req-1", line.path("where").asText());
        assertEquals("MalformedEvents", line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0)
                .path("Name").asText());
    }

    @Test
    void ignoresItsOwnRemediationCalls() throws Exception {
        String answer = invoke(handler(Map.of()),
                Fixtures.bytes("network/AuthorizeSecurityGroupIngress.watchpost-own-role.json"));
        assertEquals("{\"status\":\"OWN_EVENT\",\"findings\":0}", answer);
        assertTrue(ec2.calls.isEmpty());
        assertTrue(sns.published.isEmpty());
    }

    @Test
    void failsTheInvocationWhenTheAlertCannotBeSent_andARetryDoesNotRemediateTwice() throws Exception {
        NetworkEventsHandler handler = handler(Map.of());
        byte[] event = Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        sns.failuresLeft = 1;
        assertThrows(AlertDeliveryException.class, () -> invoke(handler, event));
        assertEquals(1, ec2.revokes.size());
        assertTrue(context.logLines.stream().anyMatch(line -> line.contains("\"AlertFailures\":1")));

        invoke(handler, event);
        assertEquals(1, ec2.revokes.size(), "the retry reuses the outcome");
        assertEquals(1, sns.published.size());

        invoke(handler, event);
        assertEquals(1, sns.published.size(), "a delivered finding is not alerted twice");
    }

    @Test
    void refusesToStartWithoutATopic() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> TestWiring.lambdaPipeline(Family.NETWORK, Map.of(), clients, FakeClients.NO_STS, sns));
        assertTrue(error.getMessage().startsWith(Settings.TOPIC_ARN));
    }

    @Test
    void refusesAModeForAnUnknownDetection() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> TestWiring.lambdaPipeline(Family.NETWORK, Map.of(Settings.TOPIC_ARN, TOPIC,
                        Settings.REMEDIATION_MODES, "network.sg-admin-port-opn=OFF"), clients, FakeClients.NO_STS, sns));
        assertTrue(error.getMessage().contains("unknown detection id"), error.getMessage());
    }

    @Test
    void theNetworkFunctionNeverCreatesACloudTrailClient() throws Exception {
        NetworkEventsHandler handler = handler(Map.of());
        assertEquals(java.util.List.of(), clients.requested, "no client is built before a remediation needs one");
        invoke(handler, dev.watchpost.Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"));
        assertTrue(clients.requested.contains("ec2"), clients.requested.toString());
        assertFalse(clients.requested.contains("cloudtrail"), clients.requested.toString());
        assertEquals(java.util.List.of("us-east-1 own"), clients.places, "the event's region, own credentials");
    }
}
