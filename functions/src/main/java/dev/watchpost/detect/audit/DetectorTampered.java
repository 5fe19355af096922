package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Someone changed Watchpost itself: its EventBridge rules, Lambda functions or alert topic.
 *
 * <p>Why it matters: disabling the detector is how an attacker makes every later step silent (T1562.001). CRITICAL;
 * LOW when CloudFormation made the call ({@code invokedBy} cloudformation.amazonaws.com), i.e. a deployment.
 * Watchpost's resources are recognised by the deployment's name prefix ({@code <prefix>-…}). Lambda event names carry
 * API version suffixes ({@code UpdateFunctionConfiguration20150331v2}); they are compared without them.
 *
 * <p>Coverage limits: a change to the audit rule itself (e.g. {@code DisableRule} of {@code <prefix>-audit}) is
 * delivered by that same rule only if the change has not yet taken effect when EventBridge matches the event, so it
 * may go unseen here; the hardening family's {@code AuditRuleTampered} watches that rule through its own rule, so
 * such a change raises that detection's alert (and this one too when the audit rule still delivered it).
 *
 * <p>Triage: was a deployment under way? If not, restore Watchpost (redeploy) and treat the principal as
 * compromised.
 */
public final class DetectorTampered implements Detection {
    public static final String ID = "audit.detector-tampered";

    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");

    private static final Set<String> FUNCTION_CALLS = Set.of("DeleteFunction", "UpdateFunctionCode",
            "UpdateFunctionConfiguration", "PutFunctionConcurrency", "DeleteFunctionConcurrency", "AddPermission",
            "RemovePermission", "UpdateAlias", "DeleteAlias", "PutFunctionEventInvokeConfig",
            "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig");
    private static final Set<String> TOPIC_CALLS = Set.of("DeleteTopic", "SetTopicAttributes", "Unsubscribe",
            "RemovePermission");

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "Watchpost itself was changed", Severity.CRITICAL,
            Set.of(AuditSources.EVENTS, AuditSources.LAMBDA, AuditSources.SNS),
            Stream.concat(WatchpostRuleChange.CALLS.stream(), Stream.of(
                    "DeleteFunction20150331", "UpdateFunctionCode20150331v2", "UpdateFunctionConfiguration20150331v2",
                    "PutFunctionConcurrency20171031", "DeleteFunctionConcurrency20171031", "AddPermission20150331v2",
                    "RemovePermission20150331v2", "UpdateAlias20150331", "DeleteAlias20150331",
                    "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig",
                    "DeleteFunctionEventInvokeConfig",
                    "DeleteTopic", "SetTopicAttributes", "Unsubscribe", "RemovePermission"))
                    .collect(Collectors.toSet()),
            List.of("Check whether a Watchpost deployment was under way (CloudFormation stack events).",
                    "If not, redeploy Watchpost and treat the principal as compromised.",
                    "Review what happened while the detector was impaired."));

    private final String prefix;

    public DetectorTampered(DetectionParameters parameters) {
        this.prefix = parameters.namePrefix() + "-";
    }

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        String call = VERSION_SUFFIX.matcher(event.eventName()).replaceFirst("");
        JsonNode request = event.requestParameters();
        String type;
        String name;
        switch (event.eventSource()) {
            case AuditSources.EVENTS -> {
                if (!WatchpostRuleChange.CALLS.contains(call)) {
                    return List.of();
                }
                type = "AWS::Events::Rule";
                name = WatchpostRuleChange.ruleName(event);
            }
            case AuditSources.LAMBDA -> {
                if (!FUNCTION_CALLS.contains(call)) {
                    return List.of();
                }
                type = "AWS::Lambda::Function";
                name = functionName(Json.text(request, "functionName"));
            }
            case AuditSources.SNS -> {
                if (!TOPIC_CALLS.contains(call)) {
                    return List.of();
                }
                type = "AWS::SNS::Topic";
                name = call.equals("Unsubscribe") ? topicOfSubscription(Json.text(request, "subscriptionArn"))
                        : lastSegment(Json.text(request, "topicArn"), ':');
            }
            default -> {
                return List.of();
            }
        }
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return List.of();
        }
        boolean deployment = event.principal().invokedBy().equals("cloudformation.amazonaws.com");
        return FindingBuilder.of(INFO, event)
                .severity(deployment ? Severity.LOW : Severity.CRITICAL)
                .title("Watchpost " + typeWord(type) + " " + name + " changed by " + call
                        + (deployment ? " (CloudFormation deployment)" : ""))
                .resource(type, name)
                .context("resource", name)
                .context("call", event.eventName())
                .context("deployment", deployment ? "made by CloudFormation" : "")
                .buildList();
    }

    private static String typeWord(String type) {
        return switch (type) {
            case "AWS::Events::Rule" -> "rule";
            case "AWS::Lambda::Function" -> "function";
            default -> "topic";
        };
    }

    /** The function name from a name, a full ARN or a partial ARN, without any version or alias qualifier. */
    static String functionName(String value) {
        int marker = value.indexOf("function:");
        String rest = marker >= 0 ? value.substring(marker + "function:".length()) : value;
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }

    /** {@code arn:aws:sns:region:account:TOPIC:subscription-id} → TOPIC. */
    static String topicOfSubscription(String subscriptionArn) {
        String[] parts = subscriptionArn.split(":");
        return parts.length >= 7 ? parts[5] : "";
    }

    private static String lastSegment(String value, char separator) {
        return value.substring(value.lastIndexOf(separator) + 1);
    }
}
