package dev.watchpost.handler;

import dev.watchpost.alert.Alert;

/**
 * Where the pipeline reports what happened to each event: structured logs and metrics in Lambda, a stderr summary in
 * the CLI. Implementations must not throw.
 */
public interface Telemetry {
    /** An event that could not be read; {@code where} names the input (file and record, or the invocation). */
    void malformed(String where, String reason);

    /** A detection threw; the others still ran. */
    void detectionFailed(String detectionId, String eventId, RuntimeException error);

    /** An event made by Watchpost itself was ignored. */
    void ignoredOwnEvent(String eventId);

    /** An alert was produced (before it is sent). */
    void alerted(Alert alert);

    /** An alert could not be sent. */
    void alertFailed(Alert alert, RuntimeException error);
}
