package dev.watchpost.detect.audit;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * A CloudTrail trail stopped logging.
 *
 * <p>Why it matters: {@code StopLogging} blinds every detector fed by CloudTrail through EventBridge, Watchpost
 * included, and is a classic first move before anything else (T1562.008). CRITICAL. Remediation
 * {@code restart-trail-logging} ({@code cloudtrail:StartLogging}), default {@code ENFORCE}. {@code name} may be a
 * trail name or its ARN.
 *
 * <p>Triage: everything this principal did after the event time may be missing from the trail: review it from other
 * sources (other trails, Config, VPC flow logs), and treat the principal as compromised until explained.
 */
public final class TrailLoggingStopped implements Detection {
    public static final String ID = "audit.trail-logging-stopped";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "CloudTrail logging stopped", Severity.CRITICAL,
            Set.of(AuditSources.CLOUDTRAIL), Set.of("StopLogging"),
            List.of("Make sure logging is on again (Watchpost restarts it in ENFORCE mode).",
                    "Treat the principal as compromised until explained; review its calls from other sources.",
                    "Check for other defence-evasion calls around the same time (DeleteTrail, PutEventSelectors)."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        String trail = Json.text(event.requestParameters(), "name");
        return FindingBuilder.of(INFO, event)
                .title("CloudTrail logging stopped on " + (trail.isEmpty() ? "a trail" : AuditSources.trailName(trail)))
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .details(new TrailTarget(trail))
                .buildList();
    }
}
