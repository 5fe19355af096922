package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.TestWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optional alert channels wired from the environment, end to end through the network function. */
class AlertWiringTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:watchpost-alerts";
    private static final String CHATBOT = "arn:aws:sns:us-east-1:123456789012:watchpost-chatbot";
    private static final byte[] SSH = Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");

    private final FakeClients clients = new FakeClients();
    private final FakeSns sns = new FakeSns();
    private final FakeSecurityHub securityHub = new FakeSecurityHub();
    private final List<String> securityHubRequested = new ArrayList<>();
    private final FakeContext context = new FakeContext();

    private NetworkEventsHandler handler(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.TOPIC_ARN, TOPIC, "AWS_REGION", "us-east-1",
                Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT));
        env.putAll(extra);
        AlertClients alertClients = new AlertClients(sns, () -> {
            securityHubRequested.add("securityhub");
            return securityHub;
        });
        return new NetworkEventsHandler(TestWiring.lambdaPipeline(Family.NETWORK, env, clients, FakeClients.NO_STS,
                alertClients),
                Clock.systemUTC());
    }

    private void invoke(NetworkEventsHandler handler) throws Exception {
        handler.handleRequest(new ByteArrayInputStream(SSH), new ByteArrayOutputStream(), context);
    }

    @Test
    void alertsOnlyTheTopic_whenNoOtherChannelIsConfigured() throws Exception {
        invoke(handler(Map.of()));
        assertEquals(1, sns.published.size());
        assertTrue(securityHubRequested.isEmpty(), "no Security Hub client is built");
    }

    @Test
    void importsIntoSecurityHub_whenTurnedOn() throws Exception {
        invoke(handler(Map.of(Settings.SECURITY_HUB, "true")));
        assertEquals(1, securityHub.imports.size());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default",
                securityHub.imports.getFirst().findings().getFirst().productArn());
        assertEquals(1, sns.published.size());
    }

    @Test
    void publishesAChatbotNotificationToItsOwnTopic_whenConfigured() throws Exception {
        invoke(handler(Map.of(Settings.CHATBOT_TOPIC_ARN, CHATBOT)));
        assertEquals(List.of(TOPIC, CHATBOT), sns.published.stream().map(PublishRequest::topicArn).toList());
        JsonNode notification = MAPPER.readTree(sns.published.get(1).message());
        assertEquals("custom", notification.path("source").asText());
        assertNull(sns.published.get(1).messageStructure(), "Chatbot reads the raw message");
    }

    @Test
    void triesEveryChannel_whenOneFails_andTheRetryResendsOnlyToTheFailedOne() throws Exception {
        NetworkEventsHandler handler = handler(Map.of(Settings.SECURITY_HUB, "true",
                Settings.CHATBOT_TOPIC_ARN, CHATBOT));
        securityHub.failuresLeft = 1;
        clients.ec2.rule("sgr-25848eff2234755a5", "sg-2c53d16ce65dea612", false, "0.0.0.0/0"); // still open in EC2
        assertThrows(AlertDeliveryException.class, () -> invoke(handler));
        assertEquals(2, sns.published.size(), "the topic and Chatbot still got the alert");
        assertTrue(securityHub.imports.isEmpty());

        invoke(handler);
        assertEquals(1, securityHub.imports.size());
        assertEquals(2, sns.published.size(), "no second e-mail or chat message");
        assertEquals(1, clients.ec2.revokes.size());
    }
}
