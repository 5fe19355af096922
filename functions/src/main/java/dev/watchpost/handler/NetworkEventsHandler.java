package dev.watchpost.handler;

import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Pipeline;
import java.time.Clock;

/** Lambda entry point for the network family: security-group and network-ACL changes. */
public final class NetworkEventsHandler extends FamilyEventsHandler {
    public NetworkEventsHandler() {
        super(Family.NETWORK);
    }

    NetworkEventsHandler(Pipeline pipeline, Clock clock) {
        super(Family.NETWORK, pipeline, clock);
    }
}
