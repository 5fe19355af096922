package dev.watchpost.pipeline;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Finding;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes one JSON line per happening, in CloudWatch's embedded metric format (namespace {@value #NAMESPACE}), so the
 * log line is also the metric; the metric names and dimensions are the public constants below, for alarms and
 * dashboards. Counts that alarms watch ({@link #MALFORMED_EVENTS}, {@link #ALERT_FAILURES},
 * {@link #DETECTION_ERRORS}) are also published with {@code Function} as their only dimension. Written by hand
 * rather than with aws-embedded-metrics 4.2.0: the format is a few fields, while the library adds about 0.9 MB of jars
 * (commons-lang3, javatuples, slf4j, jackson-datatype-jsr310) and loads about 450 classes at its first flush where
 * this class loads about 100. Never logs secrets or whole events. Thread-safe if the line consumer is.
 */
public final class JsonLogTelemetry implements Telemetry, SettingsTelemetry {
    public static final String NAMESPACE = "Watchpost";

    public static final String MALFORMED_EVENTS = "MalformedEvents";
    public static final String DETECTION_ERRORS = "DetectionErrors";
    public static final String OWN_EVENTS_IGNORED = "OwnEventsIgnored";
    /** By {@code Function}, {@code Detection} and {@code Severity}. */
    public static final String FINDINGS = "Findings";
    /** Milliseconds from the API call to Watchpost's handling, by {@code Function} and {@code Detection}. */
    public static final String DETECTION_DELAY = "DetectionDelay";
    /** By {@code Function}, {@code Action} and {@code Outcome} (applied, planned, skipped, failed). */
    public static final String REMEDIATIONS = "Remediations";
    /** By {@code Function}, and by {@code Function} and {@code Detection}. */
    public static final String ALERT_FAILURES = "AlertFailures";
    /** Findings another invocation had already alerted or was handling, by {@code Function}. */
    public static final String DUPLICATES_SUPPRESSED = "DuplicatesSuppressed";
    /** Findings handled without the state table, which could not be read or written, by {@code Function}. */
    public static final String STATE_UNAVAILABLE = "StateUnavailable";
    /**
     * Calls (a remediation, an alert sink) not started because the invocation's remaining time could not cover them,
     * by {@code Function}.
     */
    public static final String CALLS_SKIPPED_FOR_TIME = "CallsSkippedForTime";
    /** Alerts a notifier delivered, by {@code Function}. */
    public static final String ALERTS_DELIVERED = "AlertsDelivered";
    /** One per scheduled invocation (sweep, heartbeat, digest): its absence means the pipeline is dead. */
    public static final String HEARTBEAT = "Heartbeat";
    /** Places or steps a sweep could not cover (unreachable account, denied read, memory unreadable). */
    public static final String SWEEP_PROBLEMS = "SweepProblems";
    /** Reads of the runtime settings parameter that found an invalid value, by {@code Function}; alarmed. */
    public static final String SETTINGS_INVALID = "SettingsInvalid";
    /** Reads of the runtime settings parameter that failed (throttled, 5xx, timeout), by {@code Function}. */
    public static final String SETTINGS_UNAVAILABLE = "SettingsUnavailable";
    /** New runtime settings loaded, by {@code Function}. */
    public static final String SETTINGS_CHANGED = "SettingsChanged";
    /** Lookups of an account's OUs in AWS Organizations that failed (denied, throttled, unreachable), by Function. */
    public static final String OU_LOOKUP_FAILURES = "OuLookupFailures";

    public static final String FUNCTION = "Function";
    /** The dimension the stack's alarms select on: the deployed function's name. */
    public static final String FUNCTION_DIMENSION = FUNCTION;
    public static final String DETECTION = "Detection";
    public static final String SEVERITY = "Severity";
    public static final String ACTION = "Action";
    public static final String OUTCOME = "Outcome";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> BY_FUNCTION = List.of();

    private final Consumer<String> lines;
    private final String function;
    private final Clock clock;

    public JsonLogTelemetry(Consumer<String> lines, String function, Clock clock) {
        this.lines = lines;
        this.function = function;
        this.clock = clock;
    }

    /** One metric of a line, published under each of its dimension sets ({@code Function} is always first). */
    private record Metric(String name, String unit, double value, List<List<String>> dimensionSets) {
        static Metric count(String name, List<List<String>> dimensionSets) {
            return new Metric(name, "Count", 1, dimensionSets);
        }
    }

    @Override
    public void malformed(String where, String reason) {
        emit("WARN", "malformed event", Map.of(), List.of(Metric.count(MALFORMED_EVENTS, List.of(BY_FUNCTION))),
                Map.of("where", where, "reason", reason));
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        emit("ERROR", "detection failed", Map.of(DETECTION, detectionId),
                List.of(Metric.count(DETECTION_ERRORS, List.of(BY_FUNCTION, List.of(DETECTION)))),
                Map.of("eventId", eventId, "error", String.valueOf(error)));
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        emit("INFO", "ignored an event made by Watchpost", Map.of(),
                List.of(Metric.count(OWN_EVENTS_IGNORED, List.of(BY_FUNCTION))), Map.of("eventId", eventId));
    }

    @Override
    public void alerted(Alert alert) {
        Finding finding = alert.finding();
        Optional<Duration> delay = finding.event().eventInstant()
                .map(time -> Duration.between(time, alert.handledAt()));
        Metric findings = Metric.count(FINDINGS, List.of(List.of(DETECTION, SEVERITY)));
        List<Metric> metrics = delay.map(d -> List.of(findings, new Metric(DETECTION_DELAY, "Milliseconds",
                Math.max(0, d.toMillis()), List.of(List.of(DETECTION))))).orElse(List.of(findings));
        emit("INFO", "finding", Map.of(DETECTION, finding.detection().id(), SEVERITY, finding.severity().name()),
                metrics, Map.of("eventId", finding.event().eventId(), "resource", finding.primaryResourceId()));
        alert.outcome().ifPresent(outcome -> emit("INFO", "remediation",
                Map.of(ACTION, outcome.plan().action(), OUTCOME, outcome.kind()),
                List.of(Metric.count(REMEDIATIONS, List.of(List.of(ACTION, OUTCOME)))),
                Map.of("eventId", finding.event().eventId(), "summary", outcome.summary())));
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        alertFailed("", alert.finding().detection().id(), alert.finding().event().eventId(),
                String.valueOf(error.getMessage()));
    }

    @Override
    public void duplicateSuppressed(String detectionId, String eventId, String state) {
        emit("INFO", "duplicate finding suppressed", Map.of(),
                List.of(Metric.count(DUPLICATES_SUPPRESSED, List.of(BY_FUNCTION))),
                Map.of("detection", detectionId, "eventId", eventId, "state", state));
    }

    @Override
    public void outOfTime(String detectionId, String eventId, String call, String reason) {
        emit("ERROR", "call not started: out of time", Map.of(DETECTION, detectionId),
                List.of(Metric.count(CALLS_SKIPPED_FOR_TIME, List.of(BY_FUNCTION))),
                Map.of("eventId", eventId, "call", call, "reason", reason));
    }

    @Override
    public void stateUnavailable(String detectionId, String eventId, String reason) {
        emit("WARN", "state table unavailable: handled the finding as new", Map.of(),
                List.of(Metric.count(STATE_UNAVAILABLE, List.of(BY_FUNCTION))),
                Map.of("detection", detectionId, "eventId", eventId, "error", reason));
    }

    /** An alert could not be delivered to {@code sink} ("" when unknown). */
    public void alertFailed(String sink, String detectionId, String eventId, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", eventId);
        fields.put("error", error);
        if (!sink.isEmpty()) {
            fields.put("sink", sink);
        }
        emit("ERROR", "alert failed", Map.of(DETECTION, detectionId),
                List.of(Metric.count(ALERT_FAILURES, List.of(BY_FUNCTION, List.of(DETECTION)))), fields);
    }

    /** A scheduled invocation arrived ({@code kind}: sweep, heartbeat, digest). */
    public void heartbeat(String kind) {
        emit("INFO", "heartbeat", Map.of(), List.of(Metric.count(HEARTBEAT, List.of(BY_FUNCTION))),
                Map.of("kind", kind));
    }

    /** What a sweep did, with its problems counted. */
    public void swept(String summary, List<String> problems) {
        emit(problems.isEmpty() ? "INFO" : "WARN", "sweep", Map.of(), List.of(new Metric(SWEEP_PROBLEMS, "Count",
                problems.size(), List.of(BY_FUNCTION))), Map.of("summary", summary,
                "problems", String.join("; ", problems)));
    }

    /** A notifier delivered an alert to {@code sink}. */
    public void delivered(String sink, String detectionId, String eventId) {
        emit("INFO", "alert delivered", Map.of(), List.of(Metric.count(ALERTS_DELIVERED, List.of(BY_FUNCTION))),
                Map.of("sink", sink, "detection", detectionId, "eventId", eventId));
    }

    @Override
    public void settingsInvalid(String parameter, String reason) {
        emit("ERROR", "runtime settings invalid", Map.of(),
                List.of(Metric.count(SETTINGS_INVALID, List.of(BY_FUNCTION))),
                Map.of("parameter", parameter, "reason", reason));
    }

    @Override
    public void settingsUnavailable(String parameter, String reason) {
        emit("WARN", "runtime settings unavailable", Map.of(),
                List.of(Metric.count(SETTINGS_UNAVAILABLE, List.of(BY_FUNCTION))),
                Map.of("parameter", parameter, "reason", reason));
    }

    @Override
    public void settingsChanged(String parameter, List<String> differences) {
        emit("WARN", "runtime settings changed", Map.of(),
                List.of(Metric.count(SETTINGS_CHANGED, List.of(BY_FUNCTION))),
                Map.of("parameter", parameter, "differences", String.join("; ", differences)));
    }

    @Override
    public void ouLookupFailed(String account, String reason) {
        emit("WARN", "organizational units unavailable: OU settings not applied, at most DRY_RUN", Map.of(),
                List.of(Metric.count(OU_LOOKUP_FAILURES, List.of(BY_FUNCTION))),
                Map.of("account", account, "reason", reason));
    }

    private void emit(String level, String message, Map<String, String> dimensions, List<Metric> metrics,
                      Map<String, String> fields) {
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ArrayNode directives = aws.putArray("CloudWatchMetrics");
        for (Metric metric : metrics) {
            ObjectNode directive = directives.addObject();
            directive.put("Namespace", NAMESPACE);
            ArrayNode sets = directive.putArray("Dimensions");
            for (List<String> extra : metric.dimensionSets()) {
                ArrayNode set = sets.addArray().add(FUNCTION);
                extra.forEach(set::add);
            }
            directive.putArray("Metrics").addObject().put("Name", metric.name()).put("Unit", metric.unit());
        }
        line.put("level", level);
        line.put("message", message);
        line.put(FUNCTION, function);
        dimensions.forEach(line::put);
        for (Metric metric : metrics) {
            if (metric.value() == Math.rint(metric.value())) {
                line.put(metric.name(), (long) metric.value());
            } else {
                line.put(metric.name(), metric.value());
            }
        }
        fields.forEach((key, value) -> line.put(key, Sanitize.text(value, 2048)));
        try {
            lines.accept(line.toString());
        } catch (RuntimeException e) {
            // Telemetry must never break event handling; there is nowhere else to report this.
        }
    }
}
