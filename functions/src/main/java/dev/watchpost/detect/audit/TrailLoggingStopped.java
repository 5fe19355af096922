package dev.watchpost.detect.audit;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A CloudTrail trail stopped logging.
 *
 * <p>Why it matters: {@code StopLogging} blinds every detector fed by CloudTrail through EventBridge, Watchpost
 * included, and is a classic first move before anything else. CRITICAL. Remediation
 * {@code restart-trail-logging} ({@code cloudtrail:StartLogging}), default {@code ENFORCE}. {@code name} may be a
 * trail name or its ARN.
 */
public final class TrailLoggingStopped extends SuccessfulCallDetection {
    public static final String ID = "audit.trail-logging-stopped";

    public TrailLoggingStopped() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String trail = Json.text(event.requestParameters(), "name");
        return finding(event)
                .title("CloudTrail logging stopped on " + (trail.isEmpty() ? "a trail" : AuditSources.trailName(trail)))
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .details(new TrailTarget(trail))
                .buildList();
    }
}
