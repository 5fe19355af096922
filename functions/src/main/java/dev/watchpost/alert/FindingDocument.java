package dev.watchpost.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The finding as a JSON document with stable field names (documented in the README): the SNS {@code default}
 * message and each line of {@code scan --format json}. Every string from the event is sanitised. Pure and
 * thread-safe.
 */
public final class FindingDocument {
    /** Bumped only when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private FindingDocument() {}

    /** The document as a tree, for code that trims or reads it (the SNS message, alert facts). */
    public static ObjectNode of(Alert alert) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            write(alert, tokens);
            return (ObjectNode) MAPPER.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("a document held in memory could not be built", e);
        }
    }

    /**
     * The document as JSON text, written field by field rather than built as a tree first: the scanner prints one per
     * finding, and code that runs a few hundred times is never compiled well, so the less of it the better (README,
     * Performance).
     */
    public static String json(Alert alert) {
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator json = MAPPER.createGenerator(text)) {
            write(alert, json);
        } catch (IOException e) {
            throw new UncheckedIOException("a document held in memory could not be written", e);
        }
        return text.toString();
    }

    /** The one definition of the document's fields and their order. */
    private static void write(Alert alert, JsonGenerator json) throws IOException {
        Finding finding = alert.finding();
        CloudTrailEvent event = finding.event();
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("detection", finding.detection().id());
        json.writeStringField("title", Sanitize.text(finding.title()));
        json.writeStringField("severity", finding.severity().name());
        json.writeStringField("family", finding.detection().family().id());
        json.writeStringField("origin", event.isSweep() ? AlertFacts.ORIGIN_SWEEP : AlertFacts.ORIGIN_EVENT);
        json.writeStringField("eventId", Sanitize.text(event.eventId()));
        json.writeStringField("eventName", Sanitize.text(event.reportedEventName()));
        json.writeStringField("eventSource", Sanitize.text(event.reportedEventSource()));
        json.writeStringField("eventTime", Sanitize.text(event.eventTime()));
        json.writeStringField("account", Sanitize.text(event.account()));
        json.writeStringField("region", Sanitize.text(event.region()));
        json.writeFieldName("principal");
        principal(event.principal(), json);
        json.writeStringField("sourceIp", Sanitize.text(event.sourceIp()));
        json.writeStringField("userAgent", Sanitize.text(event.userAgent()));
        json.writeArrayFieldStart("resources");
        for (Resource resource : finding.resources()) {
            json.writeStartObject();
            json.writeStringField("type", resource.type());
            json.writeStringField("id", Sanitize.text(resource.id()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("context");
        for (Map.Entry<String, String> entry : finding.context().entrySet()) {
            json.writeStringField(entry.getKey(), Sanitize.text(entry.getValue()));
        }
        json.writeEndObject();
        Optional<Outcome> outcome = alert.outcome();
        if (outcome.isPresent()) {
            json.writeFieldName("remediation");
            remediation(outcome.get().plan(), json);
            json.writeFieldName("outcome");
            outcome(outcome.get(), json);
        } else {
            json.writeNullField("remediation");
            json.writeNullField("outcome");
        }
        json.writeArrayFieldStart("triage");
        for (String step : finding.detection().triage()) {
            json.writeString(step);
        }
        json.writeEndArray();
        json.writeStringField("handledAt", alert.handledAt().toString());
        Optional<Duration> delay = event.eventInstant().map(t -> Duration.between(t, alert.handledAt()));
        if (delay.isPresent()) {
            json.writeNumberField("delaySeconds", delay.get().toMillis() / 1000.0);
        } else {
            json.writeNullField("delaySeconds");
        }
        json.writeEndObject();
    }

    private static void principal(Principal principal, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", Sanitize.text(principal.type()));
        json.writeStringField("arn", Sanitize.text(principal.arn()));
        json.writeStringField("accountId", Sanitize.text(principal.accountId()));
        json.writeStringField("sessionIssuer", Sanitize.text(principal.sessionIssuer()));
        json.writeBooleanField("mfa", principal.mfa());
        json.writeStringField("invokedBy", Sanitize.text(principal.invokedBy()));
        json.writeBooleanField("awsService", principal.isAwsService());
        json.writeEndObject();
    }

    private static void remediation(Plan plan, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("action", plan.action());
        json.writeStringField("mode", plan.mode().name());
        json.writeArrayFieldStart("targets");
        for (String target : plan.targets()) {
            json.writeString(Sanitize.text(target));
        }
        json.writeEndArray();
        json.writeStringField("description", Sanitize.text(plan.description()));
        json.writeStringField("undoCommand", Sanitize.text(plan.undoCommand(), 4096));
        json.writeEndObject();
    }

    private static void outcome(Outcome outcome, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("status", outcome.kind());
        json.writeStringField("summary", Sanitize.text(outcome.summary(), 1024));
        json.writeStringField("detail", Sanitize.text(switch (outcome) {
            case Outcome.Applied applied -> applied.detail();
            case Outcome.Planned planned -> "";
            case Outcome.Skipped skipped -> skipped.reason();
            case Outcome.Failed failed -> failed.error();
        }, 1024));
        json.writeEndObject();
    }
}
