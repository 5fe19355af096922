package dev.watchpost.detect.audit;

import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.NamedResourceDetection;
import dev.watchpost.event.CloudTrailEvent;

/**
 * A CloudTrail trail stopped logging.
 *
 * <p>Why it matters: {@code StopLogging} blinds every detector fed by CloudTrail through EventBridge, Watchpost
 * included, and is a classic first move before anything else. CRITICAL. Remediation
 * {@code restart-trail-logging} ({@code cloudtrail:StartLogging}), default {@code ENFORCE}. {@code name} may be a
 * trail name or its ARN.
 */
public final class TrailLoggingStopped extends NamedResourceDetection {
    public static final String ID = "audit.trail-logging-stopped";

    public TrailLoggingStopped() {
        super(ID, AuditSources.TRAIL, "CloudTrail logging stopped on {a trail}");
    }

    @Override
    protected FindingBuilder describe(CloudTrailEvent event, String trail, FindingBuilder finding) {
        return finding.details(new TrailTarget(trail));
    }
}
