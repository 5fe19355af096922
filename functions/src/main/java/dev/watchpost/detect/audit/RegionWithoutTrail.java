package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.CatalogDetection;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;

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
 * EventBridge-based detector) is blind there, and an attacker who knows it works there (unused
 * regions). HIGH. No remediation: a trail costs money (a second copy of management events is charged, storage is) and
 * needs decisions Watchpost cannot make (bucket, key, organization trail or not).
 */
public final class RegionWithoutTrail extends CatalogDetection {
    public static final String ID = "audit.region-without-trail";
    /** The call the sweep's record restates: what it read to judge the region. */
    public static final String CALL = "DescribeTrails";

    public RegionWithoutTrail() {
        super(ID);
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
        return finding(event)
                .title("No CloudTrail trail logs management events in " + region)
                .resource(Resource.ACCOUNT, "cloudtrail/" + region)
                .context("trailsSeen", seen.isEmpty() ? "none" : String.join(", ", seen))
                .context("remediation", "none: creating a trail has a cost and needs decisions (bucket, key, scope)")
                .buildList();
    }
}
