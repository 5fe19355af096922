package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FakeClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.TestWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK timeouts and the invocation's remaining time must let an invocation finish, and fail cleanly, inside the
 * function's timeout even when every call hangs: a call that Lambda cuts off leaves neither its result nor the alert.
 * So the handler starts a call only while the remaining time covers it ({@link FamilyEventsHandler#MARGIN} kept back).
 */
class TimeoutBudgetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] WORLD_SSH = Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
    /** What one call may take, then what the handler keeps back after the last. */
    private static final Duration CALL = AwsClients.CALL_TIMEOUT;
    private static final Duration MARGIN = FamilyEventsHandler.MARGIN;

    private final FakeClients clients = new FakeClients();
    private final FakeSns sns = new FakeSns();
    private final FakeContext context = new FakeContext();
    private final NetworkEventsHandler handler = new NetworkEventsHandler(TestWiring.lambdaPipeline(Family.NETWORK,
            Map.of(Settings.TOPIC_ARN, FixtureDeployment.TOPIC, Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT),
            clients, FakeClients.NO_STS, sns), Clock.systemUTC());

    TimeoutBudgetTest() {
        clients.ec2.rule("sgr-25848eff2234755a5", "sg-2c53d16ce65dea612", false, "0.0.0.0/0");
    }

    private void invokeWithTimeLeft(Duration left) {
        context.remainingMillis = (int) left.toMillis();
        try {
            handler.handleRequest(new ByteArrayInputStream(WORLD_SSH), new ByteArrayOutputStream(), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls the log says were not started, in order. */
    private List<String> skippedCalls() {
        return context.logLines.stream().map(TimeoutBudgetTest::tree)
                .filter(line -> line.path(JsonLogTelemetry.CALLS_SKIPPED_FOR_TIME).asInt() == 1)
                .map(line -> line.path("call").asText()).toList();
    }

    private static JsonNode tree(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void remediatesAndAlerts_whenTheRemainingTimeCoversTheRemediationAndTheAlert() {
        invokeWithTimeLeft(CALL.multipliedBy(2).plus(MARGIN));
        assertEquals(1, clients.ec2.revokes.size());
        assertEquals(1, sns.published.size());
        assertEquals(List.of(), skippedCalls());
    }

    @Test
    void skipsTheRemediation_andTheAlertSaysWhy_whenOnlyTheAlertStillFits() throws IOException {
        invokeWithTimeLeft(CALL.multipliedBy(2).plus(MARGIN).minusMillis(1));
        assertEquals(List.of(), clients.ec2.calls, "no EC2 call was started");
        assertEquals(1, sns.published.size());
        JsonNode outcome = MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default")
                .asText()).path("outcome");
        assertEquals("skipped", outcome.path("status").asText());
        long needed = CALL.multipliedBy(2).plus(MARGIN).toMillis();
        assertEquals("the invocation has " + (needed - 1) + " ms left, less than the " + needed + " ms that 2 calls of "
                + "up to " + CALL.toMillis() + " ms and a margin of " + MARGIN.toMillis() + " ms need; nothing was "
                + "changed", outcome.path("detail").asText());
        assertEquals(List.of("remediation"), skippedCalls());
    }

    @Test
    void startsNoCall_andFailsTheInvocation_whenNotEvenTheAlertFits() {
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> invokeWithTimeLeft(CALL.plus(MARGIN).minusMillis(1)));
        long needed = CALL.plus(MARGIN).toMillis();
        assertTrue(error.getMessage().startsWith("not sent to SnsAlertSink: the invocation has " + (needed - 1)
                + " ms left, less than the " + needed + " ms that 1 call of"), error.getMessage());
        assertEquals(List.of(), clients.ec2.calls);
        assertEquals(List.of(), sns.published);
        assertEquals(List.of("remediation", "SnsAlertSink"), skippedCalls());
    }

    @Test
    void aRetryWithTimeLeft_remediatesAndAlerts_afterAnAttemptThatRanOutOfTime() {
        assertThrows(AlertDeliveryException.class, () -> invokeWithTimeLeft(Duration.ofSeconds(1)));
        invokeWithTimeLeft(Duration.ofSeconds(60));
        assertEquals(1, clients.ec2.revokes.size());
        assertEquals(1, sns.published.size());
        assertEquals("applied", tree(tree(sns.published.getFirst().message()).path("default").asText())
                .path("outcome").path("status").asText());
    }

    @Test
    void anAttemptIsShorterThanTheCall_soARetryCanHappen() {
        assertTrue(AwsClients.ATTEMPT_TIMEOUT.multipliedBy(2).compareTo(AwsClients.CALL_TIMEOUT) <= 0);
    }

    @Test
    void theSocketWaitsNoLongerThanAnAttempt() {
        assertTrue(AwsClients.CONNECT_TIMEOUT.compareTo(AwsClients.ATTEMPT_TIMEOUT) < 0);
    }

    @Test
    void theStateTableGetsItsRetryInsideItsShorterBudget() {
        assertTrue(AwsClients.STATE_ATTEMPT_TIMEOUT.multipliedBy(AwsClients.STATE_MAX_ATTEMPTS)
                .compareTo(AwsClients.STATE_CALL_TIMEOUT) <= 0);
    }
}
