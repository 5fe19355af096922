package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone changed the parts of Watchpost that carry an event to an alert: its EventBridge rules, Lambda functions,
 * alert topic, alarms, dead-letter queues or schedules (all named {@code <prefix>-…}, {@link WatchpostResources}).
 *
 * <p>Why it matters: disabling the detector is how an attacker makes every later step silent. CRITICAL;
 * LOW when CloudFormation made the call while deploying Watchpost ({@link WatchpostDeploy}). Lambda event names carry
 * API version suffixes ({@code UpdateFunctionConfiguration20150331v2}); they are compared without them. Deleting or
 * rewriting an alarm ({@code DeleteAlarms}, {@code DisableAlarmActions}, {@code PutMetricAlarm}) hides a failing
 * function; a data-protection policy on the topic can deny publishing alerts; purging, deleting or re-permissioning a
 * dead-letter queue ({@code PurgeQueue}, {@code DeleteQueue},
 * {@code SetQueueAttributes}) throws away the events Watchpost could not process.
 *
 * <p>Coverage limits: a change to the audit rule itself (e.g. {@code DisableRule} of {@code <prefix>-audit}) is
 * delivered by that same rule only if the change has not yet taken effect when EventBridge matches the event, so it
 * may go unseen here; the hardening family's {@code AuditRuleTampered} watches that rule through its own rule, so
 * such a change raises that detection's alert (and this one too when the audit rule still delivered it). The same
 * holds for the audit function itself. Known false positives: a resource of someone else's named {@code <prefix>-…}.
 */
public final class DetectorTampered extends OwnResourceDetection {
    public static final String ID = "audit.detector-tampered";

    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");

    private static final Set<String> FUNCTION_CALLS = Set.of("DeleteFunction", "UpdateFunctionCode",
            "UpdateFunctionConfiguration", "PutFunctionConcurrency", "DeleteFunctionConcurrency", "AddPermission",
            "RemovePermission", "UpdateAlias", "DeleteAlias", "PutFunctionEventInvokeConfig",
            "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig");
    private static final Set<String> TOPIC_CALLS = Set.of("DeleteTopic", "SetTopicAttributes", "Unsubscribe",
            "RemovePermission", "PutDataProtectionPolicy");
    private static final Set<String> ALARM_CALLS = Set.of("DeleteAlarms", "DisableAlarmActions", "PutMetricAlarm");
    private static final Set<String> QUEUE_CALLS = Set.of("PurgeQueue", "DeleteQueue", "SetQueueAttributes");
    private static final Set<String> SCHEDULE_CALLS = Set.of("DeleteSchedule", "UpdateSchedule");

    public DetectorTampered(DetectionParameters parameters) {
        super(ID, parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String call = VERSION_SUFFIX.matcher(event.eventName()).replaceFirst("");
        return change(event, call)
                .map(change -> finding(change, event, Severity.CRITICAL))
                .orElse(List.of());
    }

    private Optional<OwnResourceChange> change(CloudTrailEvent event, String call) {
        JsonNode request = event.requestParameters();
        return switch (event.eventSource()) {
            case AuditSources.EVENTS -> named(WatchpostRuleChange.CALLS, call, "AWS::Events::Rule", "rule",
                    WatchpostRuleChange.ruleName(event));
            case AuditSources.LAMBDA -> named(FUNCTION_CALLS, call, "AWS::Lambda::Function", "function",
                    functionName(Json.text(request, "functionName")));
            case AuditSources.SNS -> named(TOPIC_CALLS, call, "AWS::SNS::Topic", "topic",
                    topicName(call, request));
            case AuditSources.CLOUDWATCH -> alarms(call, request);
            case AuditSources.SQS -> QUEUE_CALLS.contains(call) && own.isQueue(Json.text(request, "queueUrl"))
                    ? Optional.of(new OwnResourceChange("AWS::SQS::Queue", "queue",
                            lastSegment(Json.text(request, "queueUrl"), '/'), call))
                    : Optional.empty();
            case AuditSources.SCHEDULER -> named(SCHEDULE_CALLS, call, "AWS::Scheduler::Schedule", "schedule",
                    Json.text(request, "name"));
            default -> Optional.empty();
        };
    }

    private Optional<OwnResourceChange> named(Set<String> calls, String call, String type, String word,
                                              String name) {
        return calls.contains(call) && own.isNamed(name)
                ? Optional.of(new OwnResourceChange(type, word, name, call)) : Optional.empty();
    }

    /** {@code alarmNames} (DeleteAlarms, DisableAlarmActions) or {@code alarmName} (PutMetricAlarm); own ones only. */
    private Optional<OwnResourceChange> alarms(String call, JsonNode request) {
        if (!ALARM_CALLS.contains(call)) {
            return Optional.empty();
        }
        List<String> names = call.equals("PutMetricAlarm") ? List.of(Json.text(request, "alarmName"))
                : Json.strings(Json.path(request, "alarmNames"));
        String ownNames = names.stream().filter(own::isNamed).collect(Collectors.joining(", "));
        return ownNames.isEmpty() ? Optional.empty()
                : Optional.of(new OwnResourceChange("AWS::CloudWatch::Alarm", "alarm", ownNames, call));
    }

    /** The function name from a name, a full ARN or a partial ARN, without any version or alias qualifier. */
    static String functionName(String value) {
        int marker = value.indexOf("function:");
        String rest = marker >= 0 ? value.substring(marker + "function:".length()) : value;
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }

    /**
     * The topic a topic call names: in {@code subscriptionArn} (Unsubscribe), {@code resourceArn}
     * (PutDataProtectionPolicy, whose deny statements can stop publishing) or {@code topicArn}.
     */
    private static String topicName(String call, JsonNode request) {
        return switch (call) {
            case "Unsubscribe" -> topicOfSubscription(Json.text(request, "subscriptionArn"));
            case "PutDataProtectionPolicy" -> lastSegment(Json.text(request, "resourceArn"), ':');
            default -> lastSegment(Json.text(request, "topicArn"), ':');
        };
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
