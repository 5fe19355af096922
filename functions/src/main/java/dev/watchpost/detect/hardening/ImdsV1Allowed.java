package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An instance, or the account default, allows IMDSv1.
 *
 * <p>Why it matters: IMDSv1 answers plain GETs, so any SSRF in software on the instance can read its role's
 * credentials (the Capital One pattern). MEDIUM. Reads the effect, not the request, wherever CloudTrail
 * records it: for {@code RunInstances} the response's {@code instancesSet.items[].metadataOptions} (the request rarely
 * carries them: launch templates and account defaults decide); for {@code ModifyInstanceMetadataOptions} the
 * response's {@code instanceMetadataOptions}, which holds the options in force after the call, so a call that only
 * changes the endpoint or the hop limit of an instance that still has {@code httpTokens: optional} fires too (the
 * request is read only when the response is absent). Options with {@code httpEndpoint: disabled} allow no metadata
 * access at all, so no IMDSv1 either. {@code ModifyInstanceMetadataDefaults} answers only {@code return: true}, so its
 * request is read: {@code HttpTokens} {@code optional}, or {@code no-preference} (the default is cleared and launches
 * fall back to the AMI and launch settings, where the API default is {@code optional}), or {@code HttpTokensEnforced}
 * {@code disabled}/{@code no-preference} (launches may again ask for IMDSv1). When a successful {@code RunInstances}
 * record holds no instance options (its response omitted, as CloudTrail does for oversized records, or replaced by
 * a string), the finding is LOW and says the setting could not be told, rather than passing in silence.
 * Remediation {@code require-imdsv2}, default {@code DRY_RUN}: old software may rely on IMDSv1.
 *
 * <p>Known false positives: legacy AMIs that still need IMDSv1 (tag or plan their migration).
 */
public final class ImdsV1Allowed extends SuccessfulCallDetection {
    public static final String ID = "hardening.imds-v1-allowed";

    public ImdsV1Allowed() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        return switch (event.eventName()) {
            case "RunInstances" -> launched(event);
            case "ModifyInstanceMetadataOptions" -> modified(event);
            case "ModifyInstanceMetadataDefaults" -> accountDefault(event);
            default -> List.of();
        };
    }

    private List<Finding> launched(CloudTrailEvent event) {
        List<String> allowing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<JsonNode> items = Json.items(Json.path(event.responseElements(), "instancesSet"));
        for (JsonNode item : items) {
            String instance = Json.text(item, "instanceId");
            JsonNode options = Json.path(item, "metadataOptions");
            if (options.isMissingNode() || !options.isObject()) {
                unknown.add(instance);
            } else if (MetadataOptions.of(options).allowsImdsV1()) {
                allowing.add(instance);
            }
        }
        allowing.removeIf(String::isBlank);
        if (!allowing.isEmpty()) {
            return instanceFinding(event, allowing, "launched").buildList();
        }
        boolean noOptionsRecorded = items.isEmpty() || !unknown.isEmpty();
        if (!noOptionsRecorded) {
            return List.of();
        }
        MetadataOptions requested = MetadataOptions.of(Json.path(event.requestParameters(), "metadataOptions"));
        if (requested.forbidsImdsV1()) {
            return List.of();
        }
        if (requested.allowsImdsV1()) {
            return instanceFinding(event, unknown.stream().filter(id -> !id.isBlank()).toList(), "launched")
                    .context("readFrom", "the request (the response records no instance metadata options)")
                    .buildList();
        }
        unknown.removeIf(String::isBlank);
        String why = items.isEmpty()
                ? "the record's response was omitted (" + omission(event.responseElements()) + ")"
                : "the record names no metadata options for " + String.join(", ", unknown);
        FindingBuilder builder = finding(event)
                .severity(Severity.LOW)
                .title("Could not tell whether IMDSv1 is allowed on instances launched by RunInstances: " + why)
                .context("instances", String.join(", ", unknown))
                .context("couldNotTell", why + "; check with aws ec2 describe-instances --query "
                        + "'Reservations[].Instances[].[InstanceId,MetadataOptions.HttpTokens]'")
                .details(new ImdsTargets(List.of(), false));
        unknown.forEach(id -> builder.resource(Resource.INSTANCE, id));
        return builder.buildList();
    }

    /** How the response reads when it holds no instances: absent, null, a string, or an object without them. */
    private static String omission(JsonNode response) {
        if (response.isMissingNode()) {
            return "responseElements is null";
        }
        if (response.isTextual()) {
            return "responseElements is the text \"" + abbreviate(response.textValue()) + "\"";
        }
        JsonNode set = response.path("instancesSet");
        if (set.isTextual()) {
            return "instancesSet is the text \"" + abbreviate(set.textValue()) + "\"";
        }
        return "no instancesSet items";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private List<Finding> modified(CloudTrailEvent event) {
        JsonNode request = unwrap(event.requestParameters(), "ModifyInstanceMetadataOptionsRequest");
        JsonNode response = unwrap(event.responseElements(), "ModifyInstanceMetadataOptionsResponse");
        JsonNode effective = Json.path(response, "instanceMetadataOptions");
        boolean fromResponse = effective.isObject() && !effective.isEmpty();
        MetadataOptions options = fromResponse ? MetadataOptions.of(effective) : MetadataOptions.of(request);
        if (!options.allowsImdsV1()) {
            return List.of();
        }
        String instance = Ec2Request.text(request, "InstanceId");
        if (instance.isBlank()) {
            instance = Json.text(response, "instanceId");
        }
        return instanceFinding(event, instance.isBlank() ? List.of() : List.of(instance), "changed")
                .context("readFrom", fromResponse ? ""
                        : "the request (the response records no instance metadata options)")
                .buildList();
    }

    private List<Finding> accountDefault(CloudTrailEvent event) {
        JsonNode request = unwrap(event.requestParameters(), "ModifyInstanceMetadataDefaultsRequest");
        String tokens = Ec2Request.text(request, "HttpTokens").trim().toLowerCase(Locale.ROOT);
        String endpoint = Ec2Request.text(request, "HttpEndpoint").trim().toLowerCase(Locale.ROOT);
        String enforced = Ec2Request.text(request, "HttpTokensEnforced").trim()
                .toLowerCase(Locale.ROOT);
        List<String> weakened = new ArrayList<>();
        boolean tokensWeakened = !endpoint.equals("disabled")
                && (tokens.equals("optional") || tokens.equals("no-preference"));
        if (tokensWeakened) {
            weakened.add(tokens.equals("optional") ? "HttpTokens optional: new instances allow IMDSv1 by default"
                    : "HttpTokens no-preference: the default is cleared, so new instances allow IMDSv1 unless their "
                            + "AMI or launch settings require IMDSv2");
        }
        if (enforced.equals("disabled") || enforced.equals("no-preference")) {
            weakened.add("HttpTokensEnforced " + enforced + ": launches may again ask for IMDSv1");
        }
        if (weakened.isEmpty()) {
            return List.of();
        }
        return finding(event)
                .title("Account default allows IMDSv1 in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "instance-metadata-defaults/" + event.region())
                .context("scope", "account default for new instances in " + event.region())
                .context("changes", String.join("; ", weakened))
                .details(tokensWeakened ? new ImdsTargets(List.of(), true, tokens) : new ImdsTargets(List.of(), false))
                .buildList();
    }

    private FindingBuilder instanceFinding(CloudTrailEvent event, List<String> instances, String how) {
        FindingBuilder builder = finding(event)
                .title("IMDSv1 allowed on " + (instances.isEmpty() ? "an instance" : String.join(", ", instances))
                        + " (" + (event.isSweep() ? "running" : how) + ")")
                .context("instances", String.join(", ", instances))
                .details(new ImdsTargets(instances, false));
        instances.forEach(id -> builder.resource(Resource.INSTANCE, id));
        return builder;
    }

    private static JsonNode unwrap(JsonNode node, String wrapper) {
        JsonNode wrapped = Json.anyOf(node, wrapper,
                Character.toLowerCase(wrapper.charAt(0)) + wrapper.substring(1));
        return wrapped.isMissingNode() ? node : wrapped;
    }
}
