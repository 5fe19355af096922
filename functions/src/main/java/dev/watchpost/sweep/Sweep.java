package dev.watchpost.sweep;

import dev.watchpost.detect.Finding;
import dev.watchpost.remediate.Remediations;
import java.time.Instant;
import java.util.List;

/**
 * Reads one family's current state in one account and region and puts it to the family's own detections, through a
 * {@link StateRecord} per resource, so a sweep and an event can never disagree. Sweeps do the I/O; the detections stay
 * pure. Implementations hold no client and are thread-safe.
 */
public interface Sweep {
    SweepInfo info();

    /**
     * The exposures standing now. Throws the SDK's exception when a read fails (the runner reports it per place);
     * never remediates.
     */
    List<Finding> findings(Remediations.Clients clients, String account, String region, Instant at);
}
