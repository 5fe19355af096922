package dev.watchpost.detect.hardening;

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
 * An instance, or the account default, allows IMDSv1.
 *
 * <p>Why it matters: IMDSv1 answers plain GETs, so any SSRF in software on the instance can read its role's
 * credentials (T1552.005, the Capital One pattern). MEDIUM. Reads the effective setting: for {@code RunInstances}
 * the response's {@code instancesSet.items[].metadataOptions.httpTokens} (the request rarely carries it: launch
 * templates and account defaults decide); for {@code ModifyInstanceMetadataOptions} and
 * {@code ModifyInstanceMetadataDefaults} the requested {@code HttpTokens} (wrapped PascalCase or flat camelCase).
 * Remediation {@code require-imdsv2}, default {@code DRY_RUN}: old software may rely on IMDSv1.
 *
 * <p>Known false positives: legacy AMIs that still need IMDSv1 (tag or plan their migration).
 *
 * <p>Triage: does software on the instance need IMDSv1? If not, require IMDSv2; check the role's recent use from
 * unexpected IPs.
 */
public final class ImdsV1Allowed implements Detection {
    public static final String ID = "hardening.imds-v1-allowed";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.HARDENING,
            "IMDSv1 allowed", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"),
            Set.of("RunInstances", "ModifyInstanceMetadataOptions", "ModifyInstanceMetadataDefaults"),
            List.of("Check whether software on the instance needs IMDSv1 (the MetadataNoToken CloudWatch metric).",
                    "If not, require IMDSv2: aws ec2 modify-instance-metadata-options --http-tokens required.",
                    "Look for the instance role's credentials used from outside the instance."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        return switch (event.eventName()) {
            case "RunInstances" -> launched(event);
            case "ModifyInstanceMetadataOptions" -> modified(event);
            case "ModifyInstanceMetadataDefaults" -> accountDefault(event);
            default -> List.of();
        };
    }

    private static List<Finding> launched(CloudTrailEvent event) {
        List<String> instances = new ArrayList<>();
        for (JsonNode item : Json.items(Json.path(event.responseElements(), "instancesSet"))) {
            if (isOptional(Json.path(item, "metadataOptions", "httpTokens"))) {
                instances.add(Json.text(item, "instanceId"));
            }
        }
        instances.removeIf(String::isBlank);
        if (instances.isEmpty()) {
            return List.of();
        }
        return instanceFinding(event, instances, "launched");
    }

    private static List<Finding> modified(CloudTrailEvent event) {
        JsonNode request = unwrap(event.requestParameters(), "ModifyInstanceMetadataOptionsRequest");
        if (!isOptional(Json.anyOf(request, "HttpTokens", "httpTokens"))) {
            return List.of();
        }
        String instance = Json.text(Json.anyOf(request, "InstanceId", "instanceId"));
        return instanceFinding(event, instance.isBlank() ? List.of() : List.of(instance), "changed");
    }

    private static List<Finding> accountDefault(CloudTrailEvent event) {
        JsonNode request = unwrap(event.requestParameters(), "ModifyInstanceMetadataDefaultsRequest");
        if (!isOptional(Json.anyOf(request, "HttpTokens", "httpTokens"))) {
            return List.of();
        }
        return FindingBuilder.of(INFO, event)
                .title("Account default allows IMDSv1 in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "instance-metadata-defaults/" + event.region())
                .context("scope", "account default for new instances in " + event.region())
                .details(new ImdsTargets(List.of(), true))
                .buildList();
    }

    private static List<Finding> instanceFinding(CloudTrailEvent event, List<String> instances, String how) {
        FindingBuilder builder = FindingBuilder.of(INFO, event)
                .title("IMDSv1 allowed on " + (instances.isEmpty() ? "an instance" : String.join(", ", instances))
                        + " (" + how + ")")
                .context("instances", String.join(", ", instances))
                .details(new ImdsTargets(instances, false));
        instances.forEach(id -> builder.resource(Resource.INSTANCE, id));
        return builder.buildList();
    }

    private static JsonNode unwrap(JsonNode request, String wrapper) {
        JsonNode wrapped = Json.anyOf(request, wrapper,
                Character.toLowerCase(wrapper.charAt(0)) + wrapper.substring(1));
        return wrapped.isMissingNode() ? request : wrapped;
    }

    private static boolean isOptional(JsonNode httpTokens) {
        return Json.text(httpTokens).trim().equalsIgnoreCase("optional");
    }
}
