package dev.watchpost.infra;

import dev.watchpost.pipeline.JsonLogTelemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The alarms of one {@link FamilyFunction}, all notifying the {@link OperationsTopic}: what Lambda counts (errors,
 * throttles), the dead-letter queue's depth, what the function counts itself ({@code AlertFailures},
 * {@code MalformedEvents}, {@code DetectionErrors}: a detection that throws while the invocation succeeds), and per
 * rule what EventBridge gave up delivering ({@code FailedInvocations}). Each description says what the alarm means
 * and where to look, since it is what people read in the notification. Not thread-safe (construction only).
 */
final class FamilyAlarms {
    static final String EVENTS_NAMESPACE = "AWS/Events";
    static final String RULE_NAME = "RuleName";
    static final String EVENT_BUS_NAME = "EventBusName";

    private final Construct scope;
    private final String name;
    private final String family;
    private final OperationsTopic operations;
    private final List<Alarm> alarms = new ArrayList<>();

    /**
     * @param scope the family's construct, which the alarms are made in
     * @param name  the function's name, {@code <prefix>-<family>}, which starts every alarm's name
     */
    FamilyAlarms(Construct scope, String name, String family, OperationsTopic operations) {
        this.scope = scope;
        this.name = name;
        this.family = family;
        this.operations = operations;
    }

    /** The function's and its dead-letter queue's alarms. */
    void onFunction(Function function, Queue deadLetters) {
        alarm("ErrorsAlarm", name + "-errors",
                "Watchpost " + family + " function failed: an alert may be delayed or lost; read its log",
                function.metricErrors(sum()));
        alarm("ThrottlesAlarm", name + "-throttles",
                "Watchpost " + family + " function was throttled: events wait in Lambda's queue (up to "
                        + FamilyFunction.MAX_EVENT_AGE_IN_LAMBDA.toHumanString() + ") and then go to the "
                        + "dead-letter queue; something uses up its reserved or the account's concurrency",
                function.metricThrottles(sum()));
        alarm("DeadLettersAlarm", name + "-dead-letters",
                "Watchpost " + family + " events are in the dead-letter queue: they were not processed",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(FamilyFunction.ALARM_PERIOD).statistic("Maximum").build()));
        alarm("AlertFailuresAlarm", name + "-alert-failures",
                "Watchpost " + family + " could not send an alert (a disabled or deleted alert-topic key, a "
                        + "changed key or topic policy, SNS down): the invocation failed and will be retried; if it "
                        + "keeps failing the event lands in the dead-letter queue",
                watchpostMetric(JsonLogTelemetry.ALERT_FAILURES));
        alarm("MalformedEventsAlarm", name + "-malformed-events",
                "Watchpost " + family + " received events it could not read: they were logged and "
                        + "skipped, so a detection may have missed them; read the function's log",
                watchpostMetric(JsonLogTelemetry.MALFORMED_EVENTS));
        alarm("SettingsInvalidAlarm", name + "-settings-invalid",
                "Watchpost " + family + " read an invalid value of its runtime settings parameter: the last good "
                        + "settings stay in force; the function's log says what is wrong",
                watchpostMetric(JsonLogTelemetry.SETTINGS_INVALID));
        alarm("DetectionErrorsAlarm", name + "-detection-errors",
                "A Watchpost " + family + " detection threw on an event: the others still ran and the "
                        + "invocation succeeded, but that detection did not judge the event; read the function's "
                        + "log for the detection and event ids",
                watchpostMetric(JsonLogTelemetry.DETECTION_ERRORS));
    }

    /**
     * An alarm on the {@code FailedInvocations} of the family's rule on {@code bus} (the default bus when null):
     * events EventBridge gave up delivering after its retries. EventBridge gives a rule of the default bus the one
     * dimension {@code RuleName}, and a rule of another bus {@code EventBusName} as well.
     */
    void onRule(String ruleId, IEventBus bus) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(RULE_NAME, name);
        if (bus != null) {
            dimensions.put(EVENT_BUS_NAME, bus.getEventBusName());
        }
        alarm(ruleId + "FailedInvocationsAlarm", bus == null ? failedInvocationsName(name)
                        : centralFailedInvocationsName(name),
                "EventBridge could not deliver " + family + " events from " + (bus == null ? "the default bus"
                        : "the central bus") + " to Watchpost's function after its retries: they are in the "
                        + "dead-letter queue, unprocessed; check the rule's target and the function's resource policy",
                Metric.Builder.create()
                        .namespace(EVENTS_NAMESPACE)
                        .metricName("FailedInvocations")
                        .dimensionsMap(dimensions)
                        .statistic("Sum")
                        .period(FamilyFunction.ALARM_PERIOD)
                        .build());
    }

    /** {@code <prefix>-<family>-failed-invocations}, for the rule on the default bus. */
    static String failedInvocationsName(String functionName) {
        return functionName + "-failed-invocations";
    }

    /** {@code <prefix>-<family>-failed-invocations-central}, for the rule on the central bus. */
    static String centralFailedInvocationsName(String functionName) {
        return failedInvocationsName(functionName) + "-central";
    }

    /** The alarms made so far, in order. */
    List<Alarm> all() {
        return List.copyOf(alarms);
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(FamilyFunction.ALARM_PERIOD).statistic("Sum").build();
    }

    /** A count the function emits in CloudWatch's embedded metric format, summed over an alarm period. */
    private IMetric watchpostMetric(String metricName) {
        return Metric.Builder.create()
                .namespace(JsonLogTelemetry.NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of(JsonLogTelemetry.FUNCTION_DIMENSION, name))
                .statistic("Sum")
                .period(FamilyFunction.ALARM_PERIOD)
                .build();
    }

    private void alarm(String id, String alarmName, String description, IMetric metric) {
        alarms.add(TopicAlarm.create(scope, id, alarmName, description, metric, operations));
    }
}
