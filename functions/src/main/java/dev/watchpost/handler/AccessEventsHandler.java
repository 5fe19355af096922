package dev.watchpost.handler;

import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Pipeline;
import java.time.Clock;

/** Lambda entry point for the access family: instance access: EC2 Instance Connect, serial console, Session Manager. */
public final class AccessEventsHandler extends FamilyEventsHandler {
    public AccessEventsHandler() {
        super(Family.ACCESS);
    }

    AccessEventsHandler(Pipeline pipeline, Clock clock) {
        super(Family.ACCESS, pipeline, clock);
    }
}
