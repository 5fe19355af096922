package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A region in which no trail logs management events: no multi-region trail (of this region or another, an
 * organization trail included) and no trail of the region itself is logging with selectors that record write
 * management events. Sweep-only: no single call makes a region uncovered (a trail deleted, stopped, narrowed to one
 * region, or a region never covered), so it judges the trails a sweep saw in the region, restated as one
 * {@code DescribeTrails} record: {@code requestParameters.trails[]} with {@code name}, {@code homeRegion},
 * {@code isMultiRegionTrail}, {@code isLogging} and the trail's selectors as a {@code PutEventSelectors} request
 * carries them ({@link ManagementEventsDropped#recordsWriteManagementEvents}, the same predicate as for events).
 *
 * <p>Why it matters: EventBridge sees a region's CloudTrail events only where a trail logs them, so Watchpost (and any
 * EventBridge-based detector) is blind there, and an attacker who knows it works there (T1562.008, T1535 Unused
 * Regions). HIGH. No remediation: a trail costs money (a second copy of management events is charged, storage is) and
 * needs decisions Watchpost cannot make (bucket, key, organization trail or not).
 *
 * <p>Triage: confirm the region should be in use; create or extend a multi-region (or organization) trail from your
 * infrastructure code; if the region is not meant to be used, disable it or deny it by SCP.
 */
public final class RegionWithoutTrail implements Detection {
    public static final String ID = "audit.region-without-trail";
    /** The call the sweep's record restates: what it read to judge the region. */
    public static final String CALL = "DescribeTrails";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "No CloudTrail trail logs management events in a region", Severity.HIGH,
            Set.of(CloudTrailEvent.SWEEP_SOURCE), Set.of(CALL),
            List.of("Confirm whether the region is meant to be used; activity there is invisible to Watchpost.",
                    "Create or extend a multi-region or organization trail from your infrastructure code; "
                            + "Watchpost does not create one, as a trail has a cost and needs decisions.",
                    "If the region is not meant to be used, disable it or deny it with an SCP."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.isSweep() || !CALL.equals(event.eventName())) {
            return List.of();
        }
        String region = event.region();
        List<String> seen = new ArrayList<>();
        for (JsonNode trail : Json.items(event.requestParameters().path("trails"))) {
            String name = AuditSources.trailName(Json.text(trail, "name"));
            boolean reaches = Json.bool(trail.path("isMultiRegionTrail")).orElse(false)
                    || region.equals(Json.text(trail, "homeRegion"));
            boolean logging = Json.bool(trail.path("isLogging")).orElse(false);
            boolean writes = ManagementEventsDropped.recordsWriteManagementEvents(trail.path("selectors"));
            if (reaches && logging && writes) {
                return List.of();
            }
            seen.add(name + (!reaches ? " (another region only)" : !logging ? " (not logging)"
                    : " (no write management events)"));
        }
        return FindingBuilder.of(INFO, event)
                .title("No CloudTrail trail logs management events in " + region)
                .resource(Resource.ACCOUNT, "cloudtrail/" + region)
                .context("trailsSeen", seen.isEmpty() ? "none" : String.join(", ", seen))
                .context("remediation", "none: creating a trail has a cost and needs decisions (bucket, key, scope)")
                .buildList();
    }
}
