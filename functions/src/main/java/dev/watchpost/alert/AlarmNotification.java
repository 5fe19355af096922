package dev.watchpost.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.event.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A CloudWatch alarm state change as CloudWatch publishes it to SNS (the message, not the SNS envelope): which alarm,
 * its new and old state, CloudWatch's reason, when, and where (account and region code, read from the alarm's ARN,
 * since the {@code Region} field holds the region's long name). Recognised by content: a JSON object with a textual
 * {@code AlarmName}, {@code NewStateValue} and {@code AlarmArn}, so a finding document is never taken for one. Fields
 * are kept as given; formatters sanitise them like any other text. Immutable.
 *
 * @param regionName the region's long name ("US East (N. Virginia)"), as CloudWatch writes it
 * @param metric     {@code Namespace/MetricName} of the alarm's metric, or empty (composite or metric-math alarms)
 */
public record AlarmNotification(String alarmName, String description, String account, String region,
                                String regionName, String newState, String oldState, String reason,
                                String stateChangeTime, String alarmArn, String metric) {
    /** {@code arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>}. */
    private static final int ARN_REGION = 3;
    private static final int ARN_ACCOUNT = 4;
    /** CloudWatch writes {@code 2026-12-05T17:45:12.345+0000}: an offset without a colon. */
    private static final DateTimeFormatter CLOUDWATCH_TIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    /** The alarm notification in {@code message}, or empty when it is not one. */
    public static Optional<AlarmNotification> from(JsonNode message) {
        if (message == null || !message.isObject() || !message.path("AlarmName").isTextual()
                || !message.path("NewStateValue").isTextual() || !message.path("AlarmArn").isTextual()) {
            return Optional.empty();
        }
        String arn = Json.text(message, "AlarmArn");
        String[] parts = arn.split(":", 7);
        String region = parts.length == 7 ? parts[ARN_REGION] : "";
        String account = Json.text(message, "AWSAccountId");
        if (account.isEmpty() && parts.length == 7) {
            account = parts[ARN_ACCOUNT];
        }
        JsonNode trigger = Json.path(message, "Trigger");
        String namespace = Json.text(trigger, "Namespace");
        String metricName = Json.text(trigger, "MetricName");
        String metric = namespace.isEmpty() || metricName.isEmpty() ? metricName : namespace + "/" + metricName;
        return Optional.of(new AlarmNotification(Json.text(message, "AlarmName"), Json.text(message,
                "AlarmDescription"), account, region, Json.text(message, "Region"), Json.text(message,
                "NewStateValue"), Json.text(message, "OldStateValue"), Json.text(message, "NewStateReason"),
                Json.text(message, "StateChangeTime"), arn, metric));
    }

    /** The state change time, when it is readable. */
    public Optional<Instant> stateChangeInstant() {
        try {
            return Optional.of(OffsetDateTime.parse(stateChangeTime, CLOUDWATCH_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(stateChangeTime).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    /** Whether the alarm went into ALARM (as opposed to back to OK, or to INSUFFICIENT_DATA). */
    public boolean firing() {
        return "ALARM".equals(newState);
    }
}
