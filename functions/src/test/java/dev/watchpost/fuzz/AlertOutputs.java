package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.EmailText;
import dev.watchpost.alert.FindingDocument;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.alert.SnsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every alert formatter, with what its output must be, checked on one alert. Each entry of {@link #FORMATS} says
 * whether the output is JSON or text and whether it can reach Slack; a formatter added to {@code dev.watchpost.alert}
 * gets a line there and is fuzzed with the rest. The SNS message, which wraps two of them, has its own checks. None
 * of today's outputs is rendered by Slack (the e-mail goes to e-mail, the JSON document to machines); the Slack and
 * AWS Chatbot formatters, when they land, are listed with {@code slack = true}, and every string they carry is then
 * checked with {@link SlackText}. Stateless.
 */
final class AlertOutputs {
    /** SNS's limit for one message: body, subject and attributes together. */
    static final int SNS_MESSAGE_BYTES = 256 * 1024;
    /** Longest text a formatter lets through from the event: an undo command ({@code Sanitize.text(…, 4096)}). */
    private static final int LONGEST_VALUE = 4096;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Fields of the finding document that may be longer than {@link Sanitize#MAX_VALUE_LENGTH}, and their cap. */
    private static final Map<String, Integer> LONGER_FIELDS = Map.of("undoCommand", 4096, "summary", 1024);

    /**
     * One formatter.
     *
     * @param name   for messages
     * @param format the formatter
     * @param json   whether the output must be a JSON document
     * @param slack  whether Slack (directly or through AWS Chatbot) renders the output's text
     */
    record Format(String name, Function<Alert, String> format, boolean json, boolean slack) {}

    static final List<Format> FORMATS = List.of(
            new Format("FindingDocument", FindingDocument::json, true, false),
            new Format("EmailText", EmailText::of, false, false));

    private AlertOutputs() {}

    static void check(Alert alert) {
        for (Format format : FORMATS) {
            String output = format.format().apply(alert);
            List<String> texts = format.json() ? strings(parse(format.name(), output)) : List.of(output);
            for (String text : texts) {
                assertNoControlCharacters(format.name(), text, !format.json());
                if (format.slack()) {
                    List<String> sequences = SlackText.controlSequences(text);
                    assertTrue(sequences.isEmpty(), () -> format.name() + " lets Slack act on " + sequences);
                }
            }
        }
        checkFindingDocument(FindingDocument.of(alert));
        checkSnsMessage(SnsMessage.of(alert));
    }

    /** Values from the event are capped, and the document says what every subscriber relies on. */
    private static void checkFindingDocument(JsonNode document) {
        for (String field : List.of("detection", "title", "severity", "family", "eventId", "eventName", "account",
                "region", "principal", "resources", "context", "remediation", "outcome")) {
            assertTrue(document.has(field), () -> "finding document lacks " + field);
        }
        document.properties().forEach(field -> checkLengths(field.getKey(), field.getValue()));
    }

    private static void checkLengths(String name, JsonNode value) {
        if (value.isTextual()) {
            int cap = LONGER_FIELDS.getOrDefault(name, Sanitize.MAX_VALUE_LENGTH);
            assertTrue(value.textValue().length() <= cap, () -> name + " is " + value.textValue().length()
                    + " characters, over " + cap);
        } else if (value.isObject()) {
            value.properties().forEach(field -> checkLengths(field.getKey(), field.getValue()));
        } else if (value.isArray()) {
            value.forEach(element -> checkLengths(name, element));
        }
    }

    /** The subject fits SNS, the structure is JSON with both parts readable, and the whole fits one SNS message. */
    private static void checkSnsMessage(SnsMessage message) {
        String subject = message.subject();
        assertFalse(subject.isBlank(), "SNS rejects an empty subject");
        assertTrue(subject.length() <= SnsMessage.MAX_SUBJECT_LENGTH, () -> "subject too long: " + subject);
        assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "subject not printable ASCII: "
                + subject);
        JsonNode structure = parse("SnsMessage.message", message.message());
        Set<String> parts = new HashSet<>();
        structure.fieldNames().forEachRemaining(parts::add);
        assertEquals(Set.of("default", "email"), parts);
        assertTrue(structure.path("default").isTextual() && structure.path("email").isTextual(),
                "both parts are strings");
        JsonNode document = parse("the SNS default part (what SQS and HTTPS subscribers get)",
                structure.path("default").textValue());
        assertTrue(document.isObject(), "the default part is a finding document");
        strings(document).forEach(text -> assertNoControlCharacters("the SNS default part", text, false));
        assertNoControlCharacters("the SNS email part", structure.path("email").textValue(), true);
        long size = bytes(message.message()) + bytes(subject);
        for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
            size += bytes(attribute.getKey()) + bytes("String") + bytes(attribute.getValue());
        }
        long total = size;
        assertTrue(total <= SNS_MESSAGE_BYTES, () -> "SNS message is " + total + " bytes, over "
                + SNS_MESSAGE_BYTES);
    }

    private static JsonNode parse(String what, String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            String start = json.substring(0, Math.min(200, json.length()));
            String end = json.substring(Math.max(0, json.length() - 200));
            return fail(what + " is not valid JSON (" + e.getOriginalMessage() + "): " + start + " … " + end, e);
        }
    }

    /** Every string in a JSON tree (values only; Watchpost chooses the field names). */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    private static void assertNoControlCharacters(String format, String text, boolean lineBreaksAllowed) {
        text.codePoints().filter(cp -> !(lineBreaksAllowed && cp == '\n')).forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                fail(format + " lets through U+" + Integer.toHexString(cp).toUpperCase(Locale.ROOT)
                        + ": " + text.substring(0, Math.min(300, text.length())));
            }
        });
        if (lineBreaksAllowed) {
            text.lines().forEach(line -> assertTrue(line.length() <= LONGEST_VALUE + 64,
                    () -> format + " has a line of " + line.length() + " characters"));
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
