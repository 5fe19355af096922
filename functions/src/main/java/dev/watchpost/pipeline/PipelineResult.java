package dev.watchpost.pipeline;

import dev.watchpost.alert.Alert;
import java.util.List;

/**
 * What the pipeline did with one event.
 *
 * @param status what kind of event it was
 * @param alerts the alerts produced (sent, in a deployment)
 */
public record PipelineResult(Status status, List<Alert> alerts) {
    public PipelineResult {
        alerts = List.copyOf(alerts);
    }

    public enum Status { PROCESSED, MALFORMED, OWN_EVENT }

    static PipelineResult malformed() {
        return new PipelineResult(Status.MALFORMED, List.of());
    }
}
