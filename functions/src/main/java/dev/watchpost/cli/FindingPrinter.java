package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.alert.AlarmEmailText;
import dev.watchpost.alert.AlarmNotification;
import dev.watchpost.alert.AlarmSlackMessage;
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
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scan's alert sink: prints each finding on stdout as it is found, in the format asked for; the channel formats
 * print exactly what that channel would receive. It also previews a CloudWatch alarm notification the way each
 * channel gets it, so the alarms' path can be checked as findings' can ({@link #printIfAlarm}). Every string from
 * the event is sanitised. Never throws; thread-safe as {@link ScanOutput} is.
 */
final class FindingPrinter implements AlertSink {
    /** Ends each e-mail preview, since an e-mail body may itself contain blank lines. */
    static final String EMAIL_END = "-- end of e-mail --";

    /** How findings are printed: text and json describe them; the others are exactly what a channel receives. */
    enum Format {
        TEXT, JSON, SLACK, CHATBOT, ASFF, EMAIL;

        static Format parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format: \"" + value + "\" is not a format (expected text, json, "
                        + "slack, chatbot, asff or email)");
            }
        }
    }

    private final ScanOutput output;
    private final Format format;

    FindingPrinter(ScanOutput output, Format format) {
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
        field(text, "remediation", alert.outcome().map(outcome -> outcome.plan().action() + ", "
                + Sanitize.text(outcome.summary())).orElse("none (alert only)"));
        return text.toString();
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

    /**
     * Prints {@code document}, a file's only JSON object, if it is a CloudWatch alarm notification, and returns true;
     * returns false when it is none (or alarms have no form in this format: they are not imported into Security Hub),
     * leaving the file to be reported as skipped. The alarm is recognised by content: the message CloudWatch publishes,
     * or the SNS envelope around it ({@code "Type": "Notification"}, the message as a string), as an e-mail-json,
     * HTTPS or SQS subscriber receives it. {@code slack} prints what the Slack notifier posts; {@code chatbot} and
     * {@code json} the message itself, which AWS Chatbot receives and renders natively; {@code email} the subject and
     * the facts of the e-mail, which CloudWatch itself writes; {@code text} a block.
     */
    boolean printIfAlarm(JsonNode document) {
        JsonNode message = document;
        if ("Notification".equals(document.path("Type").asText()) && document.path("Message").isTextual()) {
            try {
                message = CloudTrailEvent.mapper().readTree(document.path("Message").asText());
            } catch (IOException e) {
                return false; // not an alarm: the reader's verdict (not CloudTrail data) stands
            }
        }
        AlarmNotification alarm = message == null ? null : AlarmNotification.from(message).orElse(null);
        if (alarm == null || format == Format.ASFF) {
            return false;
        }
        switch (format) {
            case SLACK -> output.out(AlarmSlackMessage.json(alarm) + System.lineSeparator());
            case CHATBOT, JSON -> output.out(message + System.lineSeparator());
            case EMAIL -> output.block("Subject: " + AlarmEmailText.subject(alarm) + "\n\n"
                    + AlarmEmailText.body(alarm) + EMAIL_END + "\n");
            case TEXT -> output.block(AlarmEmailText.subject(alarm) + "\n" + AlarmEmailText.body(alarm).lines()
                    .map(line -> line.isEmpty() ? "\n" : "  " + line + "\n").collect(Collectors.joining()));
            case ASFF -> throw new IllegalStateException("alarms have no ASFF form");
        }
        return true;
    }
}
