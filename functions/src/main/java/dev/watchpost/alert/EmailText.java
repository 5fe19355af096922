package dev.watchpost.alert;

import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import dev.watchpost.remediate.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The plain-text alert for e-mail and terminals, laid out for a phone: what and where first, then who, then what
 * Watchpost did, then how to undo it and what to check. No HTML; every event string is sanitised. Pure and
 * thread-safe.
 */
public final class EmailText {
    private EmailText() {}

    public static String of(Alert alert) {
        Finding finding = alert.finding();
        CloudTrailEvent event = finding.event();
        Principal principal = event.principal();
        StringBuilder text = new StringBuilder();
        text.append('[').append(finding.severity()).append("] ").append(Sanitize.text(finding.title())).append('\n');
        text.append("Account ").append(Sanitize.text(event.account())).append(", region ")
                .append(Sanitize.text(event.region())).append('\n');
        text.append("Detection: ").append(finding.detection().id()).append('\n').append('\n');

        text.append("Who: ").append(Sanitize.text(principal.displayName()));
        text.append(" (").append(principal.type().isEmpty() ? "unknown type" : Sanitize.text(principal.type()))
                .append(", MFA ").append(principal.mfa() ? "yes" : "no").append(")\n");
        if (principal.isAwsService()) {
            text.append("Made by an AWS service on the caller's behalf: ")
                    .append(Sanitize.text(principal.invokedBy().isEmpty() ? principal.type() : principal.invokedBy()))
                    .append('\n');
        }
        text.append("From: ").append(orUnknown(event.sourceIp())).append('\n');
        text.append("Using: ").append(orUnknown(event.userAgent())).append('\n');
        text.append("When: ").append(orUnknown(event.eventTime())).append(" (").append(Sanitize.text(event.eventName()))
                .append(", event ").append(orUnknown(event.eventId())).append(")\n\n");

        text.append("Watchpost: ").append(alert.outcome().map(o -> Sanitize.text(o.summary(), 1024))
                .orElse("alert only (no automatic remediation for this detection)")).append('\n');
        for (Map.Entry<String, String> entry : finding.context().entrySet()) {
            text.append("  ").append(entry.getKey()).append(": ").append(Sanitize.text(entry.getValue())).append('\n');
        }
        alert.outcome().map(Outcome::plan).filter(plan -> !plan.undoCommand().isEmpty()).ifPresent(plan -> {
            String heading = alert.outcome().get() instanceof Outcome.Applied ? "Undo" : "Undo (if applied)";
            text.append('\n').append(heading).append(":\n  ").append(Sanitize.text(plan.undoCommand(), 4096))
                    .append('\n');
        });
        List<String> triage = finding.detection().triage();
        if (!triage.isEmpty()) {
            text.append("\nTriage:\n");
            for (int i = 0; i < triage.size(); i++) {
                text.append("  ").append(i + 1).append(". ").append(triage.get(i)).append('\n');
            }
        }
        return text.toString();
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : Sanitize.text(value);
    }
}
