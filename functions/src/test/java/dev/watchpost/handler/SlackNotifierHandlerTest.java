package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.LoopbackServer;
import dev.watchpost.alert.AlarmNotification;
import dev.watchpost.alert.AlarmSamples;
import dev.watchpost.alert.AlarmSlackMessage;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.alert.AlertFacts;
import dev.watchpost.alert.AlertSamples;
import dev.watchpost.alert.SlackMessage;
import dev.watchpost.alert.SlackWebhookClient;
import dev.watchpost.alert.SnsMessage;
import dev.watchpost.sweep.SweepDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Slack notifier fed SNS events whose message is what the family functions publish. */
class SlackNotifierHandlerTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-02T10:16:00Z");

    private record Post(String payload, Instant deadline) {}

    private final List<Post> posts = new ArrayList<>();
    private final FakeContext context = new FakeContext();
    private final SlackNotifierHandler handler = new SlackNotifierHandler(
            (payload, deadline) -> posts.add(new Post(payload, deadline)), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The SNS event Lambda receives for an alert: the {@code default} part of the published message structure. */
    static SNSEvent published(Alert alert) throws Exception {
        String message = MAPPER.readTree(SnsMessage.of(alert).message()).path("default").asText();
        return event(message);
    }

    static SNSEvent event(String message) {
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS()
                .withMessageId("m-1").withTopicArn("arn:aws:sns:us-east-1:123456789012:watchpost-alerts")
                .withMessage(message))));
    }

    private JsonNode logLine(String metric) throws Exception {
        for (String line : context.logLines) {
            JsonNode node = MAPPER.readTree(line);
            if (node.has(metric)) {
                return node;
            }
        }
        throw new AssertionError("no " + metric + " line in " + context.logLines);
    }

    @Test
    void postsTheSlackMessageForAFindingFromARealFixture() throws Exception {
        Alert alert = AlertSamples.sshApplied();
        String answer = handler.handleRequest(published(alert), context);
        assertEquals("{\"posted\":1,\"malformed\":0}", answer);
        assertEquals(1, posts.size());
        assertEquals(SlackMessage.json(AlertFacts.of(alert)), posts.getFirst().payload());
        assertEquals(1, logLine("AlertsDelivered").path("AlertsDelivered").asInt());
    }

    @Test
    void postsTheAlarmSlackMessageForACloudWatchAlarmNotification_fromTheOperationsTopic() throws Exception {
        String message = AlarmSamples.documentedMessage().toString();
        String answer = handler.handleRequest(event(message), context);
        assertEquals("{\"posted\":1,\"malformed\":0}", answer);
        assertEquals(AlarmSlackMessage.json(AlarmNotification.from(AlarmSamples.tree(message)).orElseThrow()),
                posts.getFirst().payload());
        JsonNode delivered = logLine("AlertsDelivered");
        assertEquals("alarm watchpost-network-alert-failures", delivered.path("detection").asText());
    }

    @Test
    void failsTheInvocation_whenAnAlarmCannotBePosted() {
        SlackNotifierHandler failing = new SlackNotifierHandler((payload, deadline) -> {
            throw new AlertDeliveryException("Slack answered 500 five times", null);
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(AlertDeliveryException.class,
                () -> failing.handleRequest(event(AlarmSamples.documentedMessage().toString()), context));
    }

    @Test
    void givesTheDeliveryTheRemainingTimeLessAMargin() throws Exception {
        context.remainingMillis = 40_000;
        handler.handleRequest(published(AlertSamples.sshApplied()), context);
        assertEquals(NOW.plusSeconds(40).minus(SlackNotifierHandler.MARGIN), posts.getFirst().deadline());
    }

    @Test
    void countsAndSkipsAMessageThatIsNotJson_withoutLoggingIt() throws Exception {
        String answer = handler.handleRequest(event("hello <!channel> XXXXSECRET"), context);
        assertEquals("{\"posted\":0,\"malformed\":1}", answer);
        assertTrue(posts.isEmpty());
        JsonNode line = logLine("MalformedEvents");
        assertEquals("SNS message m-1", line.path("where").asText());
        assertFalse(context.logLines.stream().anyMatch(l -> l.contains("XXXXSECRET")), "the content is not logged");
    }

    @Test
    void skipsTheSweepDigest_withoutCountingItMalformed() throws Exception {
        SNSEvent event = event("Watchpost network: 1 standing exposure found by sweeps and still open.");
        event.getRecords().getFirst().getSNS().setMessageAttributes(Map.of(SweepDigest.KIND_ATTRIBUTE,
                new SNSEvent.MessageAttribute().withType("String").withValue(SweepDigest.KIND)));

        String answer = handler.handleRequest(event, context);

        assertEquals("{\"posted\":0,\"malformed\":0}", answer);
        assertTrue(posts.isEmpty());
    }

    @Test
    void countsAndSkipsADocumentOfAnotherSchema() throws Exception {
        String answer = handler.handleRequest(event("{\"schemaVersion\":2,\"detection\":\"x.y\"}"), context);
        assertEquals("{\"posted\":0,\"malformed\":1}", answer);
        assertTrue(logLine("MalformedEvents").path("reason").asText().contains("schemaVersion"));
    }

    @Test
    void failsTheInvocation_whenSlackCannotBeReached_soTheMessageIsRetried() throws Exception {
        SlackNotifierHandler failing = new SlackNotifierHandler((payload, deadline) -> {
            throw new AlertDeliveryException("Slack webhook: gave up", null);
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        SNSEvent event = published(AlertSamples.sshApplied());
        assertThrows(AlertDeliveryException.class, () -> failing.handleRequest(event, context));
        JsonNode line = logLine("AlertFailures");
        assertEquals("slack", line.path("sink").asText());
        assertEquals("network.sg-admin-port-open", line.path("Detection").asText());
    }

    @Test
    void postsToARealWebhookEndToEnd() throws Exception {
        try (LoopbackServer slack = new LoopbackServer()) {
            slack.answer(LoopbackServer.Response.of(200, "ok"));
            SlackWebhookClient webhook = new SlackWebhookClient(SlackWebhookClient.defaultHttpClient(),
                    () -> slack.uri("/services/T0/B0/secret"), duration -> { }, Clock.systemUTC());
            new SlackNotifierHandler(webhook, Clock.systemUTC())
                    .handleRequest(published(AlertSamples.sshApplied()), context);
            JsonNode posted = MAPPER.readTree(slack.requests().getFirst().body());
            assertEquals("header", posted.path("blocks").get(0).path("type").asText());
        }
    }
}
