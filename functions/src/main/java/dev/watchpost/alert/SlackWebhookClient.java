package dev.watchpost.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts payloads to a Slack incoming webhook, and decides what a failure means: HTTP 429 waits the
 * {@code Retry-After} Slack asks for, a 5xx or a network error is retried after 0.5, 1, 2, 4, 8 s, and anything that
 * would run past the deadline (the function's remaining time less a margin) gives up with
 * {@link AlertDeliveryException}, so the invocation fails and the message is retried and, in the end, dead-lettered.
 * Any other status (403 or 404 for a revoked webhook, 400 for a payload Slack refuses) is final: reported once, never
 * retried. The webhook URL is a secret: it never appears in an exception message, and no exception it could be in is
 * kept as a cause. Thread-safe (the HTTP client is; waits happen on the caller's thread).
 */
public final class SlackWebhookClient implements SlackDelivery {
    /** One request may take this long at most (Slack answers in well under a second). */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    static final int MAX_ATTEMPTS = 6;
    /** How much of Slack's error body goes into a message (it is a short code such as {@code invalid_payload}). */
    static final int MAX_ERROR_BODY = 200;
    private static final String REDACTED = "<webhook>";

    /** Waits between attempts; tests pass one that records the wait instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper real() {
            return Thread::sleep;
        }
    }

    private final HttpClient http;
    private final Supplier<URI> webhook;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param http    the HTTP client ({@link #defaultHttpClient()} in Lambda)
     * @param webhook where to post; read on first use (it may call Secrets Manager and throw
     *                {@link AlertDeliveryException})
     */
    public SlackWebhookClient(HttpClient http, Supplier<URI> webhook, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.webhook = webhook;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** An HTTP client that never follows redirects (a redirect is not a delivery) and connects within 3 s. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void post(String payload, Instant deadline) {
        URI uri = webhook.get();
        String last = "no attempt made";
        for (int attempt = 1; ; attempt++) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw failure("gave up: the deadline passed after " + (attempt - 1) + " attempt(s); last: " + last);
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(remaining.compareTo(ATTEMPT_TIMEOUT) < 0 ? remaining : ATTEMPT_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                String body = redact(Sanitize.text(response.body(), MAX_ERROR_BODY), uri);
                if (status == 429) {
                    Optional<Duration> retryAfter = retryAfter(response);
                    wait = retryAfter.orElse(backoff(attempt));
                    last = "rate limited (HTTP 429, Retry-After " + retryAfter.map(d -> d.toSeconds() + " s")
                            .orElse("absent") + ")";
                } else if (status >= 500) {
                    wait = backoff(attempt);
                    last = "HTTP " + status + (body.isEmpty() ? "" : " " + body);
                } else {
                    throw failure("Slack refused the message with HTTP " + status + (body.isEmpty() ? "" : " " + body)
                            + "; not retried. " + hint(status));
                }
            } catch (IOException e) {
                wait = backoff(attempt);
                last = "network error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + redact(Sanitize.text(e.getMessage(), 200), uri));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while posting; last: " + last);
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw failure("gave up after " + attempt + " attempts; last: " + last);
            }
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                throw failure("gave up: waiting " + wait.toMillis() + " ms would pass the deadline (attempt " + attempt
                        + "); last: " + last);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting to retry; last: " + last);
            }
        }
    }

    /** 0.5 s, 1 s, 2 s, 4 s, then 8 s: deterministic, so tests and capacity planning can count on it. */
    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** {@code Retry-After} in seconds; the HTTP-date form (which Slack does not send) is ignored. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String hint(int status) {
        return switch (status) {
            case 400 -> "Slack could not use the payload (a Watchpost bug worth reporting).";
            case 403, 404, 410 -> "The webhook was revoked, or its channel archived or deleted: create a new incoming "
                    + "webhook and store its URL in the secret.";
            default -> "Check the webhook in Slack's app settings.";
        };
    }

    private static String redact(String text, URI uri) {
        String out = text.replace(uri.toString(), REDACTED);
        String path = uri.getRawPath();
        return path == null || path.length() < 2 ? out : out.replace(path, REDACTED);
    }

    private static AlertDeliveryException failure(String message) {
        return new AlertDeliveryException("Slack webhook: " + message, null);
    }
}
