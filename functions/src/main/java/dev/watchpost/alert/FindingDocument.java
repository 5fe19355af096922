package dev.watchpost.alert;

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

    public static ObjectNode of(Alert alert) {
        Finding finding = alert.finding();
        CloudTrailEvent event = finding.event();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("detection", finding.detection().id());
        root.put("title", Sanitize.text(finding.title()));
        root.put("severity", finding.severity().name());
        root.put("family", finding.detection().family().id());
        root.put("eventId", Sanitize.text(event.eventId()));
        root.put("eventName", Sanitize.text(event.eventName()));
        root.put("eventSource", Sanitize.text(event.eventSource()));
        root.put("eventTime", Sanitize.text(event.eventTime()));
        root.put("account", Sanitize.text(event.account()));
        root.put("region", Sanitize.text(event.region()));
        root.set("principal", principal(event.principal()));
        root.put("sourceIp", Sanitize.text(event.sourceIp()));
        root.put("userAgent", Sanitize.text(event.userAgent()));
        ArrayNode resources = root.putArray("resources");
        for (Resource resource : finding.resources()) {
            resources.addObject().put("type", resource.type()).put("id", Sanitize.text(resource.id()));
        }
        ObjectNode context = root.putObject("context");
        for (Map.Entry<String, String> entry : finding.context().entrySet()) {
            context.put(entry.getKey(), Sanitize.text(entry.getValue()));
        }
        Optional<Outcome> outcome = alert.outcome();
        if (outcome.isPresent()) {
            root.set("remediation", remediation(outcome.get().plan()));
            root.set("outcome", outcome(outcome.get()));
        } else {
            root.putNull("remediation");
            root.putNull("outcome");
        }
        ArrayNode triage = root.putArray("triage");
        finding.detection().triage().forEach(triage::add);
        root.put("handledAt", alert.handledAt().toString());
        Optional<Duration> delay = event.eventInstant().map(t -> Duration.between(t, alert.handledAt()));
        if (delay.isPresent()) {
            root.put("delaySeconds", delay.get().toMillis() / 1000.0);
        } else {
            root.putNull("delaySeconds");
        }
        return root;
    }

    public static String json(Alert alert) {
        return of(alert).toString();
    }

    private static ObjectNode principal(Principal principal) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", Sanitize.text(principal.type()));
        node.put("arn", Sanitize.text(principal.arn()));
        node.put("accountId", Sanitize.text(principal.accountId()));
        node.put("sessionIssuer", Sanitize.text(principal.sessionIssuer()));
        node.put("mfa", principal.mfa());
        node.put("invokedBy", Sanitize.text(principal.invokedBy()));
        node.put("awsService", principal.isAwsService());
        return node;
    }

    private static ObjectNode remediation(Plan plan) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("action", plan.action());
        node.put("mode", plan.mode().name());
        ArrayNode targets = node.putArray("targets");
        plan.targets().forEach(target -> targets.add(Sanitize.text(target)));
        node.put("description", Sanitize.text(plan.description()));
        node.put("undoCommand", Sanitize.text(plan.undoCommand(), 4096));
        return node;
    }

    private static ObjectNode outcome(Outcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", outcome.kind());
        node.put("summary", Sanitize.text(outcome.summary(), 1024));
        node.put("detail", Sanitize.text(switch (outcome) {
            case Outcome.Applied applied -> applied.detail();
            case Outcome.Planned planned -> "";
            case Outcome.Skipped skipped -> skipped.reason();
            case Outcome.Failed failed -> failed.error();
        }, 1024));
        return node;
    }
}
