package dev.watchpost.detect.audit;

import dev.watchpost.detect.NamedResourceDetection;

/**
 * A CloudTrail trail was deleted.
 *
 * <p>Why it matters: like {@code StopLogging}, but it cannot be undone by restarting: the trail's configuration is
 * gone. CRITICAL. No remediation: recreating a trail needs decisions (bucket, KMS key, scope) Watchpost
 * cannot make. If it was the last trail, EventBridge stops receiving CloudTrail events and Watchpost goes blind.
 */
public final class TrailDeleted extends NamedResourceDetection {
    public static final String ID = "audit.trail-deleted";

    public TrailDeleted() {
        super(ID, AuditSources.TRAIL, "CloudTrail trail {} deleted");
    }
}
