package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.JsonStrings;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertFacts;
import dev.watchpost.alert.AsffFinding;
import dev.watchpost.alert.ChatbotNotification;
import dev.watchpost.alert.EmailText;
import dev.watchpost.alert.FindingDocument;
import dev.watchpost.alert.MalformedAlertException;
import dev.watchpost.alert.SlackMessage;
import dev.watchpost.alert.SnsMessage;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every alert formatter, with what its output must be, checked on one alert. Each entry of {@link #FORMATS} says
 * whether the output is JSON or text and whether Slack renders its text (Slack itself, or AWS Chatbot, which posts
 * into Slack); a formatter added to {@code dev.watchpost.alert} gets a line there and is fuzzed with the rest. Every
 * output must parse where JSON is promised and carry no control characters (but its own line breaks); every
 * string Slack renders must hold no Slack control sequence ({@link SlackText}). The Slack message is checked twice: as
 * the family function would build it, and as the Slack notifier builds it from the SNS message's {@code default}
 * part, which must therefore always be readable. Each channel's limits are {@link ChannelLimits}'s. Stateless.
 */
final class AlertOutputs {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Every output of one alert, each rendered once.
     *
     * @param alert    the alert
     * @param document the finding document
     * @param sns      the SNS message
     * @param notified what the Slack notifier posts for that SNS message
     * @param slack    the Slack message the family function would post
     * @param chatbot  the AWS Chatbot notification
     * @param asff     the Security Hub finding
     * @param email    the e-mail text
     */
    record Rendered(Alert alert, String document, SnsMessage sns, String notified, String slack, String chatbot,
                    String asff, String email) {
        static Rendered of(Alert alert) {
            AlertFacts facts = AlertFacts.of(alert);
            SnsMessage sns = SnsMessage.of(alert);
            return new Rendered(alert, FindingDocument.json(alert), sns, readBackForSlack(sns),
                    SlackMessage.json(facts), ChatbotNotification.json(facts), AsffFinding.json(facts),
                    EmailText.of(facts));
        }
    }

    /**
     * One formatter's output.
     *
     * @param name       for messages
     * @param output     which output
     * @param json       whether the output must be a JSON document
     * @param lineBreaks whether its text may hold line breaks (the formatter's own: event text has none left)
     * @param slack      whether Slack renders the output's text
     */
    record Format(String name, Function<Rendered, String> output, boolean json, boolean lineBreaks, boolean slack) {}

    static final List<Format> FORMATS = List.of(
            new Format("FindingDocument", Rendered::document, true, false, false),
            new Format("EmailText", Rendered::email, false, true, false),
            new Format("SlackMessage", Rendered::slack, true, true, true),
            new Format("SlackMessage from the SNS default part", Rendered::notified, true, true, true),
            new Format("ChatbotNotification", Rendered::chatbot, true, true, true),
            new Format("AsffFinding", Rendered::asff, true, true, false));

    private AlertOutputs() {}

    static void check(Alert alert) {
        Rendered rendered = Rendered.of(alert);
        for (Format format : FORMATS) {
            String output = format.output().apply(rendered);
            List<String> texts = format.json() ? JsonStrings.of(parse(format.name(), output)) : List.of(output);
            for (String text : texts) {
                assertNoControlCharacters(format.name(), text, format.lineBreaks());
                if (format.slack()) {
                    List<String> sequences = SlackText.controlSequences(text);
                    assertTrue(sequences.isEmpty(), () -> format.name() + " lets Slack act on " + sequences);
                }
            }
        }
        ChannelLimits.check(rendered);
    }

    /** What the Slack notifier posts for {@code sns}: it reads the published document back. */
    private static String readBackForSlack(SnsMessage sns) {
        String published = parse("SnsMessage.message", sns.message()).path("default").textValue();
        assertTrue(published != null, "the SNS message has a default part");
        try {
            return SlackMessage.json(AlertFacts.fromDocument(CloudTrailEvent.mapper().readTree(published)));
        } catch (MalformedAlertException | JsonProcessingException e) {
            return fail("the Slack notifier cannot read the SNS default part: " + e.getMessage(), e);
        }
    }

    static JsonNode parse(String what, String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            String start = json.substring(0, Math.min(200, json.length()));
            String end = json.substring(Math.max(0, json.length() - 200));
            return fail(what + " is not valid JSON (" + e.getOriginalMessage() + "): " + start + " … " + end, e);
        }
    }

    static void assertNoControlCharacters(String format, String text, boolean lineBreaksAllowed) {
        text.codePoints().filter(cp -> !(lineBreaksAllowed && cp == '\n')).forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                fail(format + " lets through U+" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + ": "
                        + text.substring(0, Math.min(300, text.length())));
            }
        });
    }
}
