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
 * A CloudTrail trail was deleted.
 *
 * <p>Why it matters: like {@code StopLogging}, but it cannot be undone by restarting: the trail's configuration is
 * gone (T1562.008). CRITICAL. No remediation: recreating a trail needs decisions (bucket, KMS key, scope) Watchpost
 * cannot make. If it was the last trail, EventBridge stops receiving CloudTrail events and Watchpost goes blind.
 *
 * <p>Triage: recreate the trail from your infrastructure code now; treat the principal as compromised.
 */
public final class TrailDeleted implements Detection {
    public static final String ID = "audit.trail-deleted";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "CloudTrail trail deleted", Severity.CRITICAL,
            Set.of(AuditSources.CLOUDTRAIL), Set.of("DeleteTrail"),
            List.of("Recreate the trail from your infrastructure code now.",
                    "Treat the principal as compromised; review its calls from other sources.",
                    "If no trail is left, EventBridge-based detection (Watchpost included) is blind."));

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
                .title("CloudTrail trail " + (trail.isEmpty() ? "" : AuditSources.trailName(trail) + " ") + "deleted")
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .buildList();
    }
}
