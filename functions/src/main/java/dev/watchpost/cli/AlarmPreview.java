package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.alert.AlarmEmailText;
import dev.watchpost.alert.AlarmNotification;
import dev.watchpost.alert.AlarmSlackMessage;
import dev.watchpost.event.CloudTrailEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lets {@code scan} preview a CloudWatch alarm notification the way each channel gets it, so the alarms' path can be
 * checked as findings' can. It looks only at a file the reader found to be one JSON object and not CloudTrail data,
 * reads it again (such a file is small) and recognises the alarm by content: the message CloudWatch publishes, or the
 * SNS envelope around it ({@code "Type": "Notification"}, the message as a string), as an e-mail-json, HTTPS or SQS
 * subscriber receives it. {@code slack} prints what the Slack notifier posts; {@code chatbot} and {@code json} the
 * message itself, which is what AWS Chatbot receives and renders natively; {@code email} the subject and the facts of
 * the e-mail, which CloudWatch itself writes; {@code text} a block. Alarms are not imported into Security Hub, so
 * {@code asff} prints nothing. Stateless apart from its output; thread-safe as {@link ScanOutput} is.
 */
final class AlarmPreview {
    /** Larger than any SNS message (256 KiB) with its envelope: a larger file is not an alarm notification. */
    static final int MAX_BYTES = 1 << 20;

    /** Recognises nothing: every file that is not CloudTrail data is skipped. */
    static final AlarmPreview OFF = new AlarmPreview(null, ScanOptions.Format.TEXT);

    private final ScanOutput output;
    private final ScanOptions.Format format;

    AlarmPreview(ScanOutput output, ScanOptions.Format format) {
        this.output = output;
        this.format = format;
    }

    /** A recognised notification: the alarm, and the message exactly as CloudWatch published it. */
    record Read(AlarmNotification alarm, JsonNode message) {}

    /**
     * Prints the file's alarm notification in the scan's format and returns true, or returns false when the file holds
     * none (or alarms have no form in this format), leaving the file to be reported as skipped.
     */
    boolean printIfAlarm(Path file) {
        if (output == null || format == ScanOptions.Format.ASFF) {
            return false;
        }
        Optional<Read> read = read(file);
        read.ifPresent(this::print);
        return read.isPresent();
    }

    private void print(Read read) {
        AlarmNotification alarm = read.alarm();
        switch (format) {
            case SLACK -> output.out(AlarmSlackMessage.json(alarm) + System.lineSeparator());
            case CHATBOT, JSON -> output.out(read.message().toString() + System.lineSeparator());
            case EMAIL -> {
                String body = AlarmEmailText.body(alarm);
                output.block("Subject: " + AlarmEmailText.subject(alarm) + "\n\n" + body
                        + FindingPrinter.EMAIL_END + "\n");
            }
            case TEXT -> output.block(AlarmEmailText.subject(alarm) + "\n" + AlarmEmailText.body(alarm).lines()
                    .map(line -> line.isEmpty() ? "\n" : "  " + line + "\n").collect(Collectors.joining()));
            case ASFF -> throw new IllegalStateException("alarms have no ASFF form");
        }
    }

    /** The alarm notification in {@code file}, bare or in its SNS envelope; empty when there is none. */
    static Optional<Read> read(Path file) {
        byte[] bytes;
        try (InputStream in = InputFiles.open(file, read -> { })) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            JsonNode document = CloudTrailEvent.mapper().readTree(bytes);
            JsonNode message = document;
            if (document != null && "Notification".equals(document.path("Type").asText())
                    && document.path("Message").isTextual()) {
                message = CloudTrailEvent.mapper().readTree(document.path("Message").asText());
            }
            JsonNode published = message;
            return AlarmNotification.from(published).map(alarm -> new Read(alarm, published));
        } catch (IOException e) {
            return Optional.empty(); // not JSON after all: the reader's verdict (not CloudTrail data) stands
        }
    }
}
