package dev.watchpost.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Json;
import dev.watchpost.event.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every channel formatter needs to know about one alert, read from its {@link FindingDocument}. The family
 * functions build it from an {@link Alert}; the Slack notifier, which only receives the published document, parses the
 * same document; so a message looks the same whichever way it was made, and {@code scan --format} previews exactly
 * what is sent. Every string is already sanitised by {@link FindingDocument} (channel escaping is the formatters'
 * job). Immutable.
 *
 * @param detection   detection id, e.g. {@code network.sg-admin-port-open}
 * @param family      family id
 * @param origin      {@value #ORIGIN_EVENT} for a finding raised by a CloudTrail event, {@value #ORIGIN_SWEEP} for one
 *                    a sweep found standing (its event fields then describe the sweep, not a call)
 * @param title       one line for people
 * @param severity    severity of this finding
 * @param eventId     CloudTrail event id ("" when unknown)
 * @param eventName   CloudTrail event name
 * @param eventSource CloudTrail event source
 * @param eventTime   the event's time as CloudTrail wrote it
 * @param account     the account the call was made in
 * @param region      the region the call was made in
 * @param principal   who made the call
 * @param sourceIp    where the call came from
 * @param userAgent   what made the call
 * @param resources   the resources concerned, most important first
 * @param context     detection-specific facts, in order
 * @param response    what Watchpost did, or empty when the detection has no remediation
 * @param triage      first steps for a responder, in order
 * @param handledAt   when Watchpost handled the event, if the document says
 */
public record AlertFacts(String detection, String family, String origin, String title, Severity severity,
                         String eventId, String eventName, String eventSource, String eventTime, String account,
                         String region, Principal principal, String sourceIp, String userAgent,
                         List<Resource> resources, Map<String, String> context, Optional<Response> response,
                         List<String> triage, Optional<Instant> handledAt) {

    /** A finding raised by a CloudTrail event. */
    public static final String ORIGIN_EVENT = "event";
    /** A finding a sweep of current state found. */
    public static final String ORIGIN_SWEEP = "sweep";

    public AlertFacts {
        resources = List.copyOf(resources);
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        triage = List.copyOf(triage);
    }

    /** How a remediation ended, as in {@code Outcome}. */
    public enum Status {
        APPLIED, PLANNED, SKIPPED, FAILED;

        static Optional<Status> parse(String kind) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(kind)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }

        public String lowerCase() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What Watchpost did or would do.
     *
     * @param action      remediation id
     * @param mode        {@code OFF}, {@code DRY_RUN} or {@code ENFORCE}
     * @param targets     what it acts on
     * @param description one line: what the remediation does
     * @param undoCommand the AWS CLI command that restores what it removed, or ""
     * @param status      how it ended
     * @param summary     one line for people
     * @param detail      the skip reason, the error, or what was found already done ("" if none)
     */
    public record Response(String action, String mode, List<String> targets, String description, String undoCommand,
                           Status status, String summary, String detail) {
        public Response {
            targets = List.copyOf(targets);
        }
    }

    /** The facts of an alert produced in this process. */
    public static AlertFacts of(Alert alert) {
        try {
            return fromDocument(FindingDocument.of(alert));
        } catch (MalformedAlertException e) {
            throw new IllegalStateException("Watchpost wrote a finding document it cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a published finding document (schema version {@value FindingDocument#SCHEMA_VERSION}). */
    public static AlertFacts fromDocument(JsonNode document) throws MalformedAlertException {
        if (document == null || !document.isObject()) {
            throw new MalformedAlertException("expected a JSON object");
        }
        int version = Json.integer(document.path("schemaVersion")).orElse(-1);
        if (version != FindingDocument.SCHEMA_VERSION) {
            throw new MalformedAlertException("unsupported schemaVersion " + Sanitize.text(
                    Json.text(document, "schemaVersion"), 20) + " (expected " + FindingDocument.SCHEMA_VERSION + ")");
        }
        String detection = required(document, "detection");
        Severity severity = Severity.parse(Json.text(document, "severity")).orElseThrow(
                () -> new MalformedAlertException("\"severity\" is not one of LOW, MEDIUM, HIGH, CRITICAL"));
        JsonNode who = Json.path(document, "principal");
        Principal principal = new Principal(Json.text(who, "type"), Json.text(who, "arn"), Json.text(who, "accountId"),
                Json.text(who, "sessionIssuer"), Json.bool(Json.path(who, "mfa")).orElse(false),
                Json.text(who, "invokedBy"));
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : Json.items(Json.path(document, "resources"))) {
            String id = Json.text(resource, "id");
            if (!id.isEmpty()) {
                resources.add(new Resource(Json.text(resource, "type"), id));
            }
        }
        Map<String, String> context = new LinkedHashMap<>();
        Json.path(document, "context").properties().forEach(entry -> {
            String value = Json.text(entry.getValue());
            if (!value.isEmpty()) {
                context.put(entry.getKey(), value);
            }
        });
        String origin = Json.text(document, "origin").equals(ORIGIN_SWEEP) ? ORIGIN_SWEEP : ORIGIN_EVENT;
        return new AlertFacts(detection, Json.text(document, "family"), origin, required(document, "title"), severity,
                Json.text(document, "eventId"), Json.text(document, "eventName"), Json.text(document, "eventSource"),
                Json.text(document, "eventTime"), Json.text(document, "account"), Json.text(document, "region"),
                principal, Json.text(document, "sourceIp"), Json.text(document, "userAgent"), resources, context,
                response(document), Json.strings(Json.path(document, "triage")), instant(
                        Json.text(document, "handledAt")));
    }

    /** The key that makes delivery idempotent: detection id + event id. */
    public String dedupKey() {
        return detection + "/" + eventId;
    }

    /** True when a sweep of current state found this, not an event. */
    public boolean fromSweep() {
        return origin.equals(ORIGIN_SWEEP);
    }

    /** How the finding was found, in words for every channel's text. */
    public String originWords() {
        return fromSweep() ? "a sweep of current state (standing, not a new change)" : "a CloudTrail event";
    }

    /** When the call was made, if its time parses. */
    public Optional<Instant> eventInstant() {
        return instant(eventTime);
    }

    /** Time from the call to Watchpost's handling, when both are known. */
    public Optional<Duration> delay() {
        return eventInstant().flatMap(event -> handledAt.map(handled -> Duration.between(event, handled)));
    }

    /**
     * What became of the remediation, in one word for keywords and fields: its status in lower case ({@code applied},
     * {@code planned}, {@code skipped}, {@code failed}), or {@code alert-only} when the detection has no remediation.
     */
    public String outcomeKeyword() {
        return response.map(r -> r.status().lowerCase()).orElse("alert-only");
    }

    /** The first resource, if any. */
    public Optional<Resource> primaryResource() {
        return resources.isEmpty() ? Optional.empty() : Optional.of(resources.getFirst());
    }

    private static Optional<Response> response(JsonNode document) throws MalformedAlertException {
        JsonNode remediation = Json.path(document, "remediation");
        JsonNode outcome = Json.path(document, "outcome");
        if (!remediation.isObject() || !outcome.isObject()) {
            return Optional.empty();
        }
        String kind = Json.text(outcome, "status");
        Status status = Status.parse(kind).orElseThrow(() -> new MalformedAlertException(
                "\"outcome.status\" is not one of applied, planned, skipped, failed"));
        return Optional.of(new Response(Json.text(remediation, "action"), Json.text(remediation, "mode"),
                Json.strings(Json.path(remediation, "targets")), Json.text(remediation, "description"),
                Json.text(remediation, "undoCommand"), status, Json.text(outcome, "summary"),
                Json.text(outcome, "detail")));
    }

    private static String required(JsonNode document, String field) throws MalformedAlertException {
        String value = Json.text(document, field);
        if (value.isBlank()) {
            throw new MalformedAlertException("no \"" + field + "\" string");
        }
        return value;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
