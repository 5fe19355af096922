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
 * A trail was changed to record less or prove less.
 *
 * <p>Why it matters: turning off multi-region logging hides activity in other regions, turning off global service
 * events hides IAM and STS, turning off log file validation lets logs be edited unnoticed, and removing the KMS key
 * weakens their protection (T1562.008). HIGH. Fires on a successful {@code UpdateTrail} whose request sets
 * {@code isMultiRegionTrail}, {@code includeGlobalServiceEvents} or {@code enableLogFileValidation} to false, or
 * {@code kmsKeyId} to empty. Other changes (bucket, prefix, SNS topic) do not fire.
 *
 * <p>Triage: restore the setting from your infrastructure code; check what happened in the gap.
 */
public final class TrailWeakened implements Detection {
    public static final String ID = "audit.trail-weakened";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "CloudTrail trail weakened", Severity.HIGH,
            Set.of(AuditSources.CLOUDTRAIL), Set.of("UpdateTrail"),
            List.of("Restore the trail's settings from your infrastructure code.",
                    "Review activity in what the trail stopped covering (other regions, IAM/STS, log integrity)."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        List<String> weakened = new ArrayList<>();
        if (isFalse(request, "isMultiRegionTrail")) {
            weakened.add("multi-region logging off");
        }
        if (isFalse(request, "includeGlobalServiceEvents")) {
            weakened.add("global service events (IAM, STS) off");
        }
        if (isFalse(request, "enableLogFileValidation")) {
            weakened.add("log file validation off");
        }
        JsonNode kms = request.path("kmsKeyId");
        if (kms.isNull() || (kms.isTextual() && kms.textValue().isBlank())) {
            weakened.add("KMS encryption removed");
        }
        if (weakened.isEmpty()) {
            return List.of();
        }
        String trail = Json.text(request, "name");
        return FindingBuilder.of(INFO, event)
                .title("CloudTrail trail " + (trail.isEmpty() ? "" : AuditSources.trailName(trail) + " ")
                        + "weakened: " + String.join(", ", weakened))
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .context("changes", String.join("; ", weakened))
                .buildList();
    }

    private static boolean isFalse(JsonNode request, String field) {
        return Json.bool(request.path(field)).map(value -> !value).orElse(false);
    }
}
