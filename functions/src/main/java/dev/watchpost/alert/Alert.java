package dev.watchpost.alert;

import dev.watchpost.detect.Finding;
import dev.watchpost.remediate.Outcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding with what Watchpost did about it: the unit every sink sends. Immutable.
 *
 * @param finding   the finding
 * @param outcome   the remediation outcome, or empty when the detection has no remediation
 * @param handledAt when Watchpost handled the event (for time-to-detect)
 */
public record Alert(Finding finding, Optional<Outcome> outcome, Instant handledAt) {
    public Alert {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(handledAt, "handledAt");
    }
}
