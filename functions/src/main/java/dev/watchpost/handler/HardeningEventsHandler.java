package dev.watchpost.handler;

import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Pipeline;
import java.time.Clock;

/** Lambda entry point for the hardening family: instance hardening: IMDS, EBS encryption, key pairs, instance profiles. */
public final class HardeningEventsHandler extends FamilyEventsHandler {
    public HardeningEventsHandler() {
        super(Family.HARDENING);
    }

    HardeningEventsHandler(Pipeline pipeline, Clock clock) {
        super(Family.HARDENING, pipeline, clock);
    }
}
