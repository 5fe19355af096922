package dev.watchpost.handler;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes one JSON line per happening, in CloudWatch's embedded metric format (namespace {@value #NAMESPACE}), so
 * the log line is also the metric: {@code MalformedEvents}, {@code DetectionErrors}, {@code Findings},
 * {@code Remediations}, {@code AlertFailures}, {@code OwnEventsIgnored}. Never logs secrets or whole events.
 * Thread-safe if the line consumer is.
 */
public final class JsonLogTelemetry implements Telemetry {
    public static final String NAMESPACE = "Watchpost";
    /** The dimension every metric carries alone (for per-function alarms) and with its own dimensions. */
    public static final String FUNCTION_DIMENSION = "Function";
    public static final String MALFORMED_EVENTS = "MalformedEvents";
    public static final String ALERT_FAILURES = "AlertFailures";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Consumer<String> lines;
    private final String function;
    private final Clock clock;

    public JsonLogTelemetry(Consumer<String> lines, String function, Clock clock) {
        this.lines = lines;
        this.function = function;
        this.clock = clock;
    }

    @Override
    public void malformed(String where, String reason) {
        emit("WARN", "malformed event", MALFORMED_EVENTS, Map.of(), Map.of("where", where, "reason", reason));
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        emit("ERROR", "detection failed", "DetectionErrors", Map.of("Detection", detectionId),
                Map.of("eventId", eventId, "error", String.valueOf(error)));
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        emit("INFO", "ignored an event made by Watchpost", "OwnEventsIgnored", Map.of(), Map.of("eventId", eventId));
    }

    @Override
    public void alerted(Alert alert) {
        String detection = alert.finding().detection().id();
        emit("INFO", "finding", "Findings", Map.of("Detection", detection,
                "Severity", alert.finding().severity().name()), Map.of("eventId", alert.finding().event().eventId(),
                "resource", alert.finding().primaryResourceId()));
        alert.outcome().ifPresent(outcome -> emit("INFO", "remediation", "Remediations",
                Map.of("Action", outcome.plan().action(), "Outcome", outcome.kind()),
                Map.of("eventId", alert.finding().event().eventId(), "summary", outcome.summary())));
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        emit("ERROR", "alert failed", ALERT_FAILURES, Map.of("Detection", alert.finding().detection().id()),
                Map.of("eventId", alert.finding().event().eventId(), "error", String.valueOf(error.getMessage())));
    }

    private void emit(String level, String message, String metric, Map<String, String> dimensions,
                      Map<String, String> fields) {
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSets = directive.putArray("Dimensions");
        dimensionSets.addArray().add(FUNCTION_DIMENSION);
        if (!dimensions.isEmpty()) {
            ArrayNode detailed = dimensionSets.addArray().add(FUNCTION_DIMENSION);
            dimensions.keySet().stream().sorted().forEach(detailed::add);
        }
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        line.put("level", level);
        line.put("message", message);
        line.put(FUNCTION_DIMENSION, function);
        dimensions.forEach(line::put);
        line.put(metric, 1);
        fields.forEach((key, value) -> line.put(key, Sanitize.text(value, 2048)));
        try {
            lines.accept(line.toString());
        } catch (RuntimeException e) {
            // Telemetry must never break event handling; there is nowhere else to report this.
        }
    }
}
