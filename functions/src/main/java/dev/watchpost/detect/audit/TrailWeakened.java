package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A trail was changed to record less or prove less.
 *
 * <p>Why it matters: turning off multi-region logging hides activity in other regions, turning off global service
 * events hides IAM and STS, turning off the organization trail stops recording the member accounts, turning off log
 * file validation lets logs be edited unnoticed, removing the KMS key weakens their protection, and removing the
 * CloudWatch Logs delivery silences the metric filters and alarms built on it. HIGH. Fires on a successful
 * {@code UpdateTrail} whose request sets {@code isMultiRegionTrail}, {@code includeGlobalServiceEvents},
 * {@code isOrganizationTrail} or {@code enableLogFileValidation} to false, or {@code kmsKeyId} or
 * {@code cloudWatchLogsLogGroupArn} to empty. A new {@code s3BucketName} fires MEDIUM on its own: the logs now go to
 * that bucket, which may be another account's; {@code UpdateTrail}'s response names no bucket owner, so the finding
 * cannot tell and says so. Other changes (prefix, SNS topic, a new log group) do not fire.
 *
 * <p>Known false positives: tools that resend every setting on each update (Terraform sends {@code s3BucketName}
 * with every {@code UpdateTrail}) raise the MEDIUM bucket finding though the bucket did not change.
 */
public final class TrailWeakened extends SuccessfulCallDetection {
    public static final String ID = "audit.trail-weakened";
    /** What weakens a trail, in the order a finding lists the changes. */
    private static final List<Weakening> WEAKENINGS = List.of(
            Weakening.off("isMultiRegionTrail", "multi-region logging off"),
            Weakening.off("includeGlobalServiceEvents", "global service events (IAM, STS) off"),
            Weakening.off("isOrganizationTrail", "organization trail off (member accounts no longer recorded)"),
            Weakening.off("enableLogFileValidation", "log file validation off"),
            Weakening.removed("kmsKeyId", "KMS encryption removed"),
            Weakening.removed("cloudWatchLogsLogGroupArn",
                    "CloudWatch Logs delivery removed (metric filters and alarms on it go quiet)"));

    public TrailWeakened() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        List<String> weakened = WEAKENINGS.stream().filter(weakening -> weakening.in(request))
                .map(Weakening::change).collect(Collectors.toCollection(ArrayList::new));
        String bucket = Json.text(request, "s3BucketName");
        if (weakened.isEmpty() && bucket.isEmpty()) {
            return List.of();
        }
        if (!bucket.isEmpty()) {
            weakened.add("logs now go to bucket " + bucket + ", which may belong to another account (the record "
                    + "does not name its owner)");
        }
        String trail = Json.text(request, "name");
        boolean bucketOnly = weakened.size() == 1 && !bucket.isEmpty();
        return finding(event)
                .severity(bucketOnly ? Severity.MEDIUM : Severity.HIGH)
                .title("CloudTrail trail " + (trail.isEmpty() ? "" : AuditSources.trailName(trail) + " ")
                        + (bucketOnly ? "now logs to bucket " + bucket + ", which may be another account's"
                                : "weakened: " + String.join(", ", weakened)))
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .context("changes", String.join("; ", weakened))
                .context("bucket", bucket)
                .buildList();
    }

    /** A flag set to false, or a setting removed (present and null or blank), and the change it makes. */
    private record Weakening(String field, boolean removal, String change) {
        static Weakening off(String field, String change) {
            return new Weakening(field, false, change);
        }

        static Weakening removed(String field, String change) {
            return new Weakening(field, true, change);
        }

        boolean in(JsonNode request) {
            JsonNode value = request.path(field);
            if (removal) {
                return value.isNull() || (value.isTextual() && value.textValue().isBlank());
            }
            return Json.bool(value).map(on -> !on).orElse(false);
        }
    }
}
