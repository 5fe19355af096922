package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.JsonStrings;
import dev.watchpost.alert.AsffFinding;
import dev.watchpost.alert.ChatbotNotification;
import dev.watchpost.alert.Sanitize;
import dev.watchpost.alert.SlackMessage;
import dev.watchpost.alert.SnsMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits each channel imposes, or that Watchpost promises, checked on one alert's outputs: SNS (subject, message
 * size, both parts readable), the finding document (value caps), Slack (Block Kit limits and Watchpost's text
 * budget), AWS Chatbot (custom notification limits), Security Hub (ASFF field limits) and the e-mail's line lengths.
 * Stateless.
 */
final class ChannelLimits {
    /** SNS's limit for one message: body, subject and attributes together. */
    static final int SNS_MESSAGE_BYTES = 256 * 1024;
    /** Longest text a formatter lets through from the event: an undo command. */
    private static final int LONGEST_VALUE = 4096;
    /** Fields of the finding document that may be longer than {@link Sanitize#MAX_VALUE_LENGTH}, and their cap. */
    private static final Map<String, Integer> LONGER_FIELDS = Map.of("undoCommand", 4096, "summary", 1024);

    private ChannelLimits() {}

    static void check(AlertOutputs.Rendered rendered) {
        checkFindingDocument(AlertOutputs.parse("FindingDocument", rendered.document()));
        checkSnsMessage(rendered.sns());
        checkSlack(AlertOutputs.parse("SlackMessage", rendered.slack()));
        checkSlack(AlertOutputs.parse("SlackMessage from the SNS default part", rendered.notified()));
        checkChatbot(AlertOutputs.parse("ChatbotNotification", rendered.chatbot()));
        checkAsff(AlertOutputs.parse("AsffFinding", rendered.asff()));
        rendered.email().lines().forEach(line -> assertTrue(line.length() <= LONGEST_VALUE + 64,
                () -> "EmailText has a line of " + line.length() + " characters"));
    }

    /** Values from the event are capped, and the document has what every subscriber relies on. */
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

    /** The subject fits SNS, both parts parse as promised, and the whole fits one SNS message. */
    private static void checkSnsMessage(SnsMessage message) {
        String subject = message.subject();
        assertFalse(subject.isBlank(), "SNS rejects an empty subject");
        assertTrue(subject.length() <= SnsMessage.MAX_SUBJECT_LENGTH, () -> "subject too long: " + subject);
        assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "subject not printable ASCII: "
                + subject);
        JsonNode structure = AlertOutputs.parse("SnsMessage.message", message.message());
        Set<String> parts = new HashSet<>();
        structure.fieldNames().forEachRemaining(parts::add);
        assertEquals(Set.of("default", "email"), parts);
        assertTrue(structure.path("default").isTextual() && structure.path("email").isTextual(),
                "both parts are strings");
        JsonNode document = AlertOutputs.parse("the SNS default part (what SQS and HTTPS subscribers get)",
                structure.path("default").textValue());
        assertTrue(document.isObject(), "the default part is a finding document");
        JsonStrings.of(document).forEach(text ->
                AlertOutputs.assertNoControlCharacters("the SNS default part", text, false));
        AlertOutputs.assertNoControlCharacters("the SNS email part", structure.path("email").textValue(), true);
        long size = bytes(message.message()) + bytes(subject);
        for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
            size += bytes(attribute.getKey()) + bytes("String") + bytes(attribute.getValue());
        }
        long total = size;
        assertTrue(total <= SNS_MESSAGE_BYTES, () -> "SNS message is " + total + " bytes, over " + SNS_MESSAGE_BYTES);
    }

    /** Block Kit's limits, and Watchpost's budget for the text of one message. */
    private static void checkSlack(JsonNode payload) {
        assertTrue(payload.path("text").asText().length() <= SlackMessage.MAX_FALLBACK_TEXT, "Slack fallback text");
        JsonNode blocks = payload.path("blocks");
        assertTrue(blocks.size() <= SlackMessage.MAX_BLOCKS, () -> blocks.size() + " Slack blocks");
        assertEquals("header", blocks.path(0).path("type").asText(), "a Slack message starts with its header");
        assertTrue(blocks.path(0).path("text").path("text").asText().length() <= SlackMessage.MAX_HEADER_TEXT,
                "Slack header text");
        for (JsonNode block : blocks) {
            String text = block.path("text").path("text").asText();
            assertTrue(text.length() <= SlackMessage.MAX_SECTION_TEXT, () -> "Slack section of " + text.length());
            assertTrue(block.path("fields").size() <= SlackMessage.MAX_FIELDS, "Slack fields in one section");
            block.path("fields").forEach(field -> assertTrue(field.path("text").asText().length()
                    <= SlackMessage.MAX_FIELD_TEXT, "Slack field text"));
        }
        int total = JsonStrings.of(payload).stream().mapToInt(String::length).sum();
        assertTrue(total <= SlackMessage.MAX_MESSAGE_TEXT,
                () -> "Slack message text " + total);
    }

    /** AWS Chatbot's custom notification limits. */
    private static void checkChatbot(JsonNode notification) {
        JsonNode content = notification.path("content");
        JsonNode metadata = notification.path("metadata");
        assertTrue(content.path("title").asText().length() <= ChatbotNotification.MAX_TITLE, "Chatbot title");
        assertTrue(content.path("description").asText().length() <= ChatbotNotification.MAX_DESCRIPTION,
                "Chatbot description");
        assertTrue(content.path("nextSteps").size() <= ChatbotNotification.MAX_NEXT_STEPS, "Chatbot next steps");
        content.path("nextSteps").forEach(step -> assertTrue(step.asText().length()
                <= ChatbotNotification.MAX_NEXT_STEP, "Chatbot next step"));
        assertTrue(content.path("keywords").size() <= ChatbotNotification.MAX_KEYWORDS, "Chatbot keywords");
        content.path("keywords").forEach(keyword -> assertTrue(keyword.asText().length()
                <= ChatbotNotification.MAX_KEYWORD, "Chatbot keyword"));
        assertTrue(metadata.path("threadId").asText().length() <= ChatbotNotification.MAX_THREAD_ID,
                "Chatbot thread id");
        assertTrue(metadata.path("summary").asText().length() <= ChatbotNotification.MAX_SUMMARY, "Chatbot summary");
        assertTrue(metadata.path("relatedResources").size() <= ChatbotNotification.MAX_RELATED_RESOURCES,
                "Chatbot related resources");
        metadata.path("additionalContext").forEach(value -> assertTrue(value.asText().length()
                <= ChatbotNotification.MAX_CONTEXT_VALUE, "Chatbot context value"));
    }

    /** Security Hub's ASFF limits. */
    private static void checkAsff(JsonNode finding) {
        assertTrue(finding.path("Id").asText().length() <= AsffFinding.MAX_ID, "ASFF Id");
        assertTrue(finding.path("Title").asText().length() <= AsffFinding.MAX_TITLE, "ASFF Title");
        assertTrue(finding.path("Description").asText().length() <= AsffFinding.MAX_DESCRIPTION, "ASFF Description");
        int resources = finding.path("Resources").size();
        assertTrue(resources >= 1 && resources <= AsffFinding.MAX_RESOURCES, () -> resources + " ASFF resources");
        JsonNode fields = finding.path("ProductFields");
        assertTrue(fields.size() <= AsffFinding.MAX_PRODUCT_FIELDS, "ASFF ProductFields");
        fields.properties().forEach(field -> {
            assertTrue(field.getKey().length() <= AsffFinding.MAX_PRODUCT_FIELD_KEY, "ASFF ProductFields key");
            assertTrue(field.getValue().asText().length() <= AsffFinding.MAX_PRODUCT_FIELD_VALUE,
                    "ASFF ProductFields value");
        });
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
