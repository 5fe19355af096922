package dev.watchpost.alert;

import dev.watchpost.detect.Resource;
import dev.watchpost.event.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-text alert for e-mail and terminals, laid out for a phone: the first line says what and where (account and
 * region, as {@link Where} words them), then who (and from where, with what, when), then what Watchpost did, then the
 * undo command on a line of its own (to copy) under a heading that says where to run it, the triage steps, and last
 * the console links. No HTML; every event string is sanitised, so no value can start a line of its own. Pure and
 * thread-safe.
 */
public final class EmailText {
    private EmailText() {}

    public static String of(Alert alert) {
        return of(AlertFacts.of(alert));
    }

    public static String of(AlertFacts facts) {
        StringBuilder text = new StringBuilder();
        Where where = Where.of(facts);
        text.append('[').append(facts.severity()).append("] ").append(Sanitize.text(facts.title())).append(" (")
                .append(where.words()).append(")\n");
        text.append("Resource: ").append(resource(facts.resources())).append('\n');
        text.append("Detection: ").append(Sanitize.text(facts.detection())).append('\n');
        text.append("Found by: ").append(facts.originWords()).append("\n\n");

        Principal principal = facts.principal();
        text.append("Who: ").append(Sanitize.text(principal.displayName()));
        text.append(" (").append(principal.type().isEmpty() ? "unknown type" : Sanitize.text(principal.type()))
                .append(", MFA ").append(principal.mfa() ? "yes" : "no").append(")\n");
        if (principal.isAwsService()) {
            text.append("Made by an AWS service on the caller's behalf: ")
                    .append(Sanitize.text(principal.invokedBy().isEmpty() ? principal.type() : principal.invokedBy()))
                    .append('\n');
        }
        text.append("From: ").append(orUnknown(facts.sourceIp())).append('\n');
        text.append("Using: ").append(orUnknown(facts.userAgent())).append('\n');
        text.append("When: ").append(orUnknown(facts.eventTime())).append(" (").append(Sanitize.text(facts.eventName()))
                .append(", event ").append(orUnknown(facts.eventId())).append(")\n\n");

        text.append("Watchpost: ").append(facts.response().map(r -> Sanitize.text(r.summary(), 1024))
                .orElse("alert only (no automatic remediation for this detection)")).append('\n');
        for (Map.Entry<String, String> entry : facts.context().entrySet()) {
            text.append("  ").append(Sanitize.text(entry.getKey(), 64)).append(": ")
                    .append(Sanitize.text(entry.getValue())).append('\n');
        }
        facts.response().filter(r -> !r.undoCommand().isEmpty()).ifPresent(r -> {
            text.append('\n').append(where.undoHeading(r.status())).append(":\n  ")
                    .append(Sanitize.text(r.undoCommand(), 4096)).append('\n');
        });
        List<String> triage = facts.triage();
        if (!triage.isEmpty()) {
            text.append("\nTriage:\n");
            for (int i = 0; i < triage.size(); i++) {
                text.append("  ").append(i + 1).append(". ").append(Sanitize.text(triage.get(i), 1024)).append('\n');
            }
        }
        String links = links(facts);
        if (!links.isEmpty()) {
            text.append('\n').append(links);
        }
        return text.toString();
    }

    private static String resource(List<Resource> resources) {
        if (resources.isEmpty()) {
            return "none named";
        }
        Resource first = resources.getFirst();
        return Sanitize.text(first.id()) + " (" + Sanitize.text(first.type(), 64) + ")"
                + (resources.size() > 1 ? " and " + (resources.size() - 1) + " more" : "");
    }

    private static String links(AlertFacts facts) {
        StringBuilder text = new StringBuilder();
        for (Resource resource : facts.resources()) {
            Optional<String> url = ConsoleLinks.resource(facts.region(), facts.account(), resource);
            if (url.isPresent()) {
                text.append("Console: ").append(url.get()).append('\n');
                break;
            }
        }
        ConsoleLinks.cloudTrailEvent(facts.region(), facts.eventId())
                .ifPresent(url -> text.append("CloudTrail: ").append(url).append('\n'));
        return text.toString();
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : Sanitize.text(value);
    }
}
