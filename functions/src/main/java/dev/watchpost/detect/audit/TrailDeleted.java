package dev.watchpost.detect.audit;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A CloudTrail trail was deleted.
 *
 * <p>Why it matters: like {@code StopLogging}, but it cannot be undone by restarting: the trail's configuration is
 * gone. CRITICAL. No remediation: recreating a trail needs decisions (bucket, KMS key, scope) Watchpost
 * cannot make. If it was the last trail, EventBridge stops receiving CloudTrail events and Watchpost goes blind.
 */
public final class TrailDeleted extends SuccessfulCallDetection {
    public static final String ID = "audit.trail-deleted";

    public TrailDeleted() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String trail = Json.text(event.requestParameters(), "name");
        return finding(event)
                .title("CloudTrail trail " + (trail.isEmpty() ? "" : AuditSources.trailName(trail) + " ") + "deleted")
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .buildList();
    }
}
