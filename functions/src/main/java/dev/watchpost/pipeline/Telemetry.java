package dev.watchpost.pipeline;

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

    /**
     * A finding was not handled because another invocation alerted it or is handling it (the state table says so).
     * Ignored by default: only a pipeline with a state table reports it.
     */
    default void duplicateSuppressed(String detectionId, String eventId, String state) {
    }

    /**
     * The state table could not be read or written for a finding, which was then handled as if it were new. Ignored by
     * default: only a pipeline with a state table reports it.
     */
    default void stateUnavailable(String detectionId, String eventId, String reason) {
    }

    /**
     * A call was not started for a finding because the invocation's remaining time could not cover it: {@code call}
     * names it (the remediation, or an alert sink). Ignored by default: only a pipeline given a call budget reports it.
     */
    default void outOfTime(String detectionId, String eventId, String call, String reason) {
    }
}
