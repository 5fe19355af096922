package dev.watchpost.alert;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack incoming-webhook payload for an alert, in Block Kit: a header with the severity emoji and title, fields for
 * account, region, resource, principal, source IP, user agent, time and detection, what Watchpost did, the undo
 * command in a code block under a heading that names the account and region to run it in, triage steps, console and
 * CloudTrail links, and a bar in the severity's colour. Laid out top-down for a phone. Every value from the event is
 * escaped ({@link Sanitize#slack}), so hostile descriptions or user agents ping and link nobody; each block respects
 * Slack's limits, cut with a visible marker. Pure and thread-safe.
 */
public final class SlackMessage {
    /** Slack's limit for a header block's text. */
    public static final int MAX_HEADER_TEXT = 150;
    /** Slack's limit for a section block's text. */
    public static final int MAX_SECTION_TEXT = 3000;
    /** Slack's limit for one field of a section. */
    public static final int MAX_FIELD_TEXT = 2000;
    /** Slack's limit for the fields of one section. */
    public static final int MAX_FIELDS = 10;
    /** Slack's limit for blocks in one message. */
    public static final int MAX_BLOCKS = 50;
    /**
     * Watchpost's budget for all text in one message. Slack documents no total for blocks, but rejects messages far
     * below its 40,000-character text limit ({@code msg_blocks_too_long}) somewhere past 13,000 characters.
     */
    public static final int MAX_MESSAGE_TEXT = 12_000;
    /** The notification line (push notifications, screen readers). */
    public static final int MAX_FALLBACK_TEXT = 300;
    /** Slack sections Watchpost fills with text it does not control are kept well under the limit. */
    static final int MAX_DETAILS_TEXT = 2000;
    static final String HEADER_MARKER = "…";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SlackMessage() {}

    public static ObjectNode of(AlertFacts facts) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("text", SlackMarkup.summary(facts, MAX_FALLBACK_TEXT));
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header(SlackMarkup.look(facts.severity()).emoji() + " " + Sanitize.slack(facts.title(),
                Integer.MAX_VALUE)));
        blocks.add(fields(facts));
        blocks.add(section("*What Watchpost did*\n" + SlackMarkup.response(facts.response())
                + SlackMarkup.facts(facts.context()), MAX_DETAILS_TEXT));
        SlackMarkup.undo(facts, MAX_DETAILS_TEXT).ifPresent(undo -> blocks.add(section(undo,
                MAX_DETAILS_TEXT)));
        if (!facts.triage().isEmpty()) {
            blocks.add(section("*Triage*\n" + SlackMarkup.steps(facts.triage()), MAX_DETAILS_TEXT));
        }
        List<String> links = SlackMarkup.links(facts);
        if (!links.isEmpty()) {
            blocks.add(section(String.join("  ·  ", links), MAX_SECTION_TEXT));
        }
        ArrayNode blockArray = payload.putArray("blocks");
        blocks.stream().limit(MAX_BLOCKS).forEach(blockArray::add);

        ObjectNode bar = payload.putArray("attachments").addObject();
        bar.put("color", SlackMarkup.look(facts.severity()).color());
        bar.putArray("blocks").add(context(facts.severity().name() + " · " + Sanitize.slack(facts.detection(), 128)
                + " · event " + SlackMarkup.value(facts.eventId()) + " · Watchpost"));
        return payload;
    }

    public static String json(AlertFacts facts) {
        return of(facts).toString();
    }

    private static ObjectNode header(String escapedText) {
        ObjectNode block = MAPPER.createObjectNode().put("type", "header");
        block.putObject("text").put("type", "plain_text").put("emoji", true)
                .put("text", Sanitize.cutEscaped(escapedText, MAX_HEADER_TEXT, HEADER_MARKER));
        return block;
    }

    private static ObjectNode fields(AlertFacts facts) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Account", SlackMarkup.value(facts.account()));
        fields.put("Region", SlackMarkup.value(facts.region()));
        fields.put("Resource", SlackMarkup.resource(facts.resources()));
        fields.put("Principal", SlackMarkup.principal(facts.principal()));
        fields.put("Source IP", SlackMarkup.value(facts.sourceIp()));
        fields.put("User agent", SlackMarkup.value(facts.userAgent()));
        fields.put("Time", SlackMarkup.time(facts));
        fields.put("Detection", Sanitize.slack(facts.detection(), 128) + Optional.of(facts.eventName())
                .filter(name -> !name.isEmpty()).map(name -> " (" + Sanitize.slack(name, 128) + ")").orElse(""));
        fields.put("Found by", facts.originWords());
        ObjectNode block = MAPPER.createObjectNode().put("type", "section");
        ArrayNode array = block.putArray("fields");
        fields.entrySet().stream().limit(MAX_FIELDS).forEach(entry -> array.addObject().put("type", "mrkdwn")
                .put("text", Sanitize.cutEscaped("*" + entry.getKey() + "*\n" + entry.getValue(), MAX_FIELD_TEXT,
                        Sanitize.TRUNCATION_MARKER)));
        return block;
    }

    private static ObjectNode section(String mrkdwn, int max) {
        ObjectNode block = MAPPER.createObjectNode().put("type", "section");
        block.putObject("text").put("type", "mrkdwn")
                .put("text", Sanitize.cutEscaped(mrkdwn, Math.min(max, MAX_SECTION_TEXT), Sanitize.TRUNCATION_MARKER));
        return block;
    }

    private static ObjectNode context(String mrkdwn) {
        ObjectNode block = MAPPER.createObjectNode().put("type", "context");
        block.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", Sanitize.cutEscaped(mrkdwn, MAX_SECTION_TEXT, Sanitize.TRUNCATION_MARKER));
        return block;
    }
}
