package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.LoopbackServer;
import dev.watchpost.LoopbackServer.Response;
import dev.watchpost.pipeline.MovableClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook client against a real HTTP server on loopback; waits are recorded on a fake clock, never slept. */
class SlackWebhookClientTest {
    private static final String SECRET_PATH = "/services/T0000/B0000/XXXXSECRETXXXX";
    private static final String PAYLOAD = "{\"text\":\"hello\"}";

    private final LoopbackServer slack = new LoopbackServer();
    /** Moves only when the client waits. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T10:16:00Z"));
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackWebhookClient client(URI uri) {
        return new SlackWebhookClient(SlackWebhookClient.defaultHttpClient(), () -> uri, duration -> {
            waits.add(duration);
            clock.advance(duration);
        }, clock);
    }

    private SlackWebhookClient client() {
        return client(slack.uri(SECRET_PATH));
    }

    private Instant in(Duration duration) {
        return clock.instant().plus(duration);
    }

    private static void assertNoSecret(String message) {
        assertFalse(message.contains("XXXXSECRETXXXX"), message);
        assertFalse(message.contains("/services/"), message);
    }

    @Test
    void postsThePayloadOnce_whenSlackAnswersOk() {
        slack.answer(Response.of(200, "ok"));
        client().post(PAYLOAD, in(Duration.ofSeconds(30)));
        assertEquals(1, slack.requests().size());
        LoopbackServer.Request request = slack.requests().getFirst();
        assertEquals("POST", request.method());
        assertEquals(SECRET_PATH, request.path());
        assertEquals(PAYLOAD, request.body());
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        assertTrue(waits.isEmpty());
    }

    @Test
    void waitsWhatRetryAfterAsks_thenPostsAgain() {
        slack.answer(new Response(429, Map.of("Retry-After", "3"), "rate_limited"), Response.of(200, "ok"));
        client().post(PAYLOAD, in(Duration.ofSeconds(30)));
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
        assertEquals(2, slack.requests().size());
    }

    @Test
    void givesUpAtOnce_whenRetryAfterWouldPassTheDeadline() {
        slack.answer(new Response(429, Map.of("Retry-After", "60"), "rate_limited"));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> client().post(PAYLOAD, in(Duration.ofSeconds(30))));
        assertEquals(1, slack.requests().size());
        assertTrue(waits.isEmpty());
        assertTrue(error.getMessage().contains("Retry-After 60 s"), error.getMessage());
    }

    @Test
    void retriesAServerErrorAfterABackoff() {
        slack.answer(Response.of(503, ""), Response.of(200, "ok"));
        client().post(PAYLOAD, in(Duration.ofSeconds(30)));
        assertEquals(List.of(Duration.ofMillis(500)), waits);
        assertEquals(2, slack.requests().size());
    }

    @Test
    void backsOffDeterministically_andGivesUpBeforeTheDeadline() {
        slack.answer(Response.of(500, "internal_error"));
        Instant deadline = in(Duration.ofSeconds(5));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> client().post(PAYLOAD, deadline));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), waits,
                "the next wait (4 s) would pass the deadline");
        assertEquals(4, slack.requests().size());
        assertTrue(clock.instant().isBefore(deadline));
        assertTrue(error.getMessage().contains("gave up") && error.getMessage().contains("HTTP 500"),
                error.getMessage());
        assertNoSecret(error.getMessage());
    }

    @Test
    void stopsAfterTheMaximumNumberOfAttempts() {
        slack.answer(Response.of(502, ""));
        assertThrows(AlertDeliveryException.class, () -> client().post(PAYLOAD, in(Duration.ofHours(1))));
        assertEquals(SlackWebhookClient.MAX_ATTEMPTS, slack.requests().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8)), waits);
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"403, invalid_token, revoked", "404, no_service, revoked", "410, channel_is_archived, revoked",
            "400, invalid_payload, Watchpost bug"})
    void reportsARefusalOnce_andNeverRetriesIt(int status, String body, String hint) {
        slack.answer(Response.of(status, body));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> client().post(PAYLOAD, in(Duration.ofSeconds(30))));
        assertEquals(1, slack.requests().size());
        assertTrue(waits.isEmpty());
        assertTrue(error.getMessage().contains("HTTP " + status + " " + body), error.getMessage());
        assertTrue(error.getMessage().contains(hint), error.getMessage());
        assertNoSecret(error.getMessage());
    }

    @Test
    void neverShowsTheUrl_evenWhenTheServerEchoesIt() {
        slack.answer(Response.of(404, "no such hook: " + slack.uri(SECRET_PATH)));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> client().post(PAYLOAD, in(Duration.ofSeconds(30))));
        assertNoSecret(error.getMessage());
        assertTrue(error.getMessage().contains("<webhook>"), error.getMessage());
        assertNull(error.getCause(), "no cause that could carry the URL");
    }

    @Test
    void retriesANetworkError_andReportsItWithoutTheUrl() {
        URI closed = slack.uri(SECRET_PATH);
        slack.close();
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> client(closed).post(PAYLOAD, in(Duration.ofSeconds(3))));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), waits);
        assertTrue(error.getMessage().contains("network error"), error.getMessage());
        assertNoSecret(error.getMessage());
    }

    @Test
    void postsNothing_whenTheDeadlineHasPassed() {
        assertThrows(AlertDeliveryException.class, () -> client().post(PAYLOAD, clock.instant()));
        assertTrue(slack.requests().isEmpty());
    }
}
