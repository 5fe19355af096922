package dev.watchpost.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The finding as a JSON document with stable field names (documented in the README): the SNS {@code default}
 * message and each line of {@code scan --format json}. Built as a Jackson tree, the one definition of its fields and
 * their order; every string from the event is sanitised. Pure and thread-safe.
 */
public final class FindingDocument {
    /** Bumped only when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private FindingDocument() {}

    /** The document as a tree, for code that trims or reads it (the SNS message, alert facts). */
    public static ObjectNode of(Alert alert) {
        Finding finding = alert.finding();
        CloudTrailEvent event = finding.event();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("detection", finding.detection().id());
        json.put("title", Sanitize.text(finding.title()));
        json.put("severity", finding.severity().name());
        json.put("family", finding.detection().family().id());
        json.put("origin", event.isSweep() ? AlertFacts.ORIGIN_SWEEP : AlertFacts.ORIGIN_EVENT);
        json.put("eventId", Sanitize.text(event.eventId()));
        json.put("eventName", Sanitize.text(event.reportedEventName()));
        json.put("eventSource", Sanitize.text(event.reportedEventSource()));
        json.put("eventTime", Sanitize.text(event.eventTime()));
        json.put("account", Sanitize.text(event.account()));
        json.put("region", Sanitize.text(event.region()));
        principal(event.principal(), json.putObject("principal"));
        json.put("sourceIp", Sanitize.text(event.sourceIp()));
        json.put("userAgent", Sanitize.text(event.userAgent()));
        ArrayNode resources = json.putArray("resources");
        for (Resource resource : finding.resources()) {
            resources.addObject().put("type", resource.type()).put("id", Sanitize.text(resource.id()));
        }
        ObjectNode context = json.putObject("context");
        finding.context().forEach((key, value) -> context.put(key, Sanitize.text(value)));
        Optional<Outcome> outcome = alert.outcome();
        if (outcome.isPresent()) {
            remediation(outcome.get().plan(), json.putObject("remediation"));
            outcome(outcome.get(), json.putObject("outcome"));
        } else {
            json.putNull("remediation");
            json.putNull("outcome");
        }
        ArrayNode triage = json.putArray("triage");
        finding.detection().triage().forEach(triage::add);
        json.put("handledAt", alert.handledAt().toString());
        Optional<Duration> delay = event.eventInstant().map(t -> Duration.between(t, alert.handledAt()));
        if (delay.isPresent()) {
            json.put("delaySeconds", delay.get().toMillis() / 1000.0);
        } else {
            json.putNull("delaySeconds");
        }
        return json;
    }

    /** The document as JSON text. */
    public static String json(Alert alert) {
        try {
            return MAPPER.writeValueAsString(of(alert));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a document held in memory could not be written", e);
        }
    }

    private static void principal(Principal principal, ObjectNode json) {
        json.put("type", Sanitize.text(principal.type()));
        json.put("arn", Sanitize.text(principal.arn()));
        json.put("accountId", Sanitize.text(principal.accountId()));
        json.put("sessionIssuer", Sanitize.text(principal.sessionIssuer()));
        json.put("mfa", principal.mfa());
        json.put("invokedBy", Sanitize.text(principal.invokedBy()));
        json.put("awsService", principal.isAwsService());
    }

    private static void remediation(Plan plan, ObjectNode json) {
        json.put("action", plan.action());
        json.put("mode", plan.mode().name());
        ArrayNode targets = json.putArray("targets");
        plan.targets().forEach(target -> targets.add(Sanitize.text(target)));
        json.put("description", Sanitize.text(plan.description()));
        json.put("undoCommand", Sanitize.text(plan.undoCommand(), 4096));
    }

    private static void outcome(Outcome outcome, ObjectNode json) {
        json.put("status", outcome.kind());
        json.put("summary", Sanitize.text(outcome.summary(), 1024));
        json.put("detail", Sanitize.text(switch (outcome) {
            case Outcome.Applied applied -> applied.detail();
            case Outcome.Planned planned -> planned.note();
            case Outcome.Skipped skipped -> skipped.reason();
            case Outcome.Failed failed -> failed.error();
        }, 1024));
    }
}
