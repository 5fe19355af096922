package dev.watchpost.cli;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertFacts;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.alert.AsffFinding;
import dev.watchpost.alert.ChatbotNotification;
import dev.watchpost.alert.EmailText;
import dev.watchpost.alert.FindingDocument;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.alert.SlackMessage;
import dev.watchpost.alert.SnsMessage;
import dev.watchpost.alert.Where;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import java.util.stream.Collectors;

/**
 * The scan's alert sink: prints each finding on stdout as it is found, in the format asked for
 * ({@link ScanOptions.Format}); the channel formats print exactly what that channel would receive. Every string from
 * the event is sanitised. Never throws; thread-safe.
 */
final class FindingPrinter implements AlertSink {
    /** Ends each e-mail preview, since an e-mail body may itself contain blank lines. */
    static final String EMAIL_END = "-- end of e-mail --";

    private final ScanOutput output;
    private final ScanOptions.Format format;

    FindingPrinter(ScanOutput output, ScanOptions.Format format) {
        this.output = output;
        this.format = format;
    }

    @Override
    public void send(Alert alert) {
        switch (format) {
            case JSON -> output.out(FindingDocument.json(alert) + System.lineSeparator());
            case SLACK -> output.out(SlackMessage.json(AlertFacts.of(alert)) + System.lineSeparator());
            case CHATBOT -> output.out(ChatbotNotification.json(AlertFacts.of(alert)) + System.lineSeparator());
            case ASFF -> output.out(AsffFinding.json(AlertFacts.of(alert)) + System.lineSeparator());
            case TEXT -> output.block(text(alert));
            case EMAIL -> output.block(email(alert));
        }
    }

    /** The SNS e-mail for one finding: subject, blank line, body, end marker; ending with a newline. */
    static String email(Alert alert) {
        String body = EmailText.of(alert);
        return "Subject: " + SnsMessage.of(alert).subject() + "\n\n" + body + (body.endsWith("\n") ? "" : "\n")
                + EMAIL_END + "\n";
    }

    /** The text block for one finding, ending with a newline. */
    static String text(Alert alert) {
        Finding finding = alert.finding();
        CloudTrailEvent event = finding.event();
        StringBuilder text = new StringBuilder();
        text.append(finding.severity()).append("  ").append(finding.detection().id()).append('\n');
        text.append("  ").append(Sanitize.text(finding.title())).append('\n');
        field(text, "resource", finding.resources().isEmpty() ? "none named"
                : finding.resources().stream().map(FindingPrinter::resource).collect(Collectors.joining(", ")));
        field(text, "principal", Sanitize.text(event.principal().displayName()));
        field(text, "source IP", orUnknown(event.sourceIp()));
        field(text, "time", orUnknown(event.eventTime()));
        field(text, "event", orUnknown(event.eventId()) + " (" + Sanitize.text(event.eventName()) + " in "
                + new Where(event.account(), event.region()).words() + ")");
        field(text, "remediation", alert.outcome().map(FindingPrinter::remediation)
                .orElse("none (alert only)"));
        return text.toString();
    }

    /**
     * "revoke-security-group-rules, mode ENFORCE, planned: Revoke sgr-… from sg-…" (a plan says what it would do in
     * words, since its targets alone cannot say "by hand"); otherwise the targets, with the reason or detail.
     */
    private static String remediation(Outcome outcome) {
        Plan plan = outcome.plan();
        String targets = plan.targets().isEmpty() ? "no targets"
                : plan.targets().stream().map(Sanitize::text).collect(Collectors.joining(", "));
        String head = plan.action() + ", mode " + plan.mode() + ", " + outcome.kind() + ": ";
        String line = head + targets;
        return switch (outcome) {
            case Outcome.Planned planned -> head + Sanitize.text(plan.description())
                    + (planned.note().isEmpty() ? "" : " (" + Sanitize.text(planned.note()) + ")");
            case Outcome.Applied applied -> line + (applied.detail().isEmpty() ? "" : " (" + Sanitize.text(applied.detail()) + ")");
            case Outcome.Skipped skipped -> line + " (" + Sanitize.text(skipped.reason()) + ")";
            case Outcome.Failed failed -> line + " (" + Sanitize.text(failed.error()) + ")";
        };
    }

    private static String resource(Resource resource) {
        return Sanitize.text(resource.id()) + " (" + resource.type() + ")";
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append("  ").append(name).append(':').append(" ".repeat(Math.max(1, 13 - name.length())))
                .append(value).append('\n');
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : Sanitize.text(value);
    }
}
