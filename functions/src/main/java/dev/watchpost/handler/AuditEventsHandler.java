package dev.watchpost.handler;

import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Pipeline;
import java.time.Clock;

/** Lambda entry point for the audit family: the audit trail and Watchpost itself: CloudTrail, EventBridge, Lambda and SNS changes. */
public final class AuditEventsHandler extends FamilyEventsHandler {
    public AuditEventsHandler() {
        super(Family.AUDIT);
    }

    AuditEventsHandler(Pipeline pipeline, Clock clock) {
        super(Family.AUDIT, pipeline, clock);
    }
}
