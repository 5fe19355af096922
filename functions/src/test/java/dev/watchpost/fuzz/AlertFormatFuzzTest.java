package dev.watchpost.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events that fire, with attacker-chosen text put into the fields a caller controls (user agent, session names,
 * descriptions, key and trail names, tag values, any string in the request or response) and lists grown to thousands
 * of entries, through the pipeline and then every alert formatter ({@link AlertOutputs}). A formatter's output must
 * be well-formed (JSON where JSON is promised), within the service limits, free of control characters, and, where
 * the text can reach Slack, free of Slack control sequences. The pipeline properties ({@link WholePath}) hold too.
 * Seeds: one corpus input per detection that fired when they were picked, and the inputs of the crashes found so
 * far, under {@code src/test/resources/dev/watchpost/fuzz/AlertFormatFuzzTestInputs/}.
 */
class AlertFormatFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Sample events that fire at least one detection, and where their strings and lists are. */
    private static final Map<String, Template> TEMPLATES = templates();
    private static final List<String> FIRING = List.copyOf(TEMPLATES.keySet());
    private static final List<String> HOSTILE = List.of("<!channel>", "<!here>", "<!everyone>", "<!subteam^S1>",
            "<@U024BE7LH>", "<#C024BE7LR>", "<http://evil.example|click here>", "<https://evil.example>",
            "<mailto:a@evil.example|mail>", "&lt;!channel&gt;", "&amp;", "&", "<", ">", "|", "`", "```", "*", "_", "~",
            "\n", "\r\n", "\u2028", "\u2029", "\u202E", "\u200B", "\u0000", "\u001B[2J", "\t", "'", "\"", "\\", "$(id)",
            ";", "&&", "\uD83D\uDD12", "\uD83D", "\uDD12", "\u00E9", "\u2026", "Subject: forged", "{\"a\":1}", "%s",
            "sg-0123456789abcdef0", "0.0.0.0/0", "::/0");
    /** Enough copies to overflow the SNS, Slack and Chatbot budgets; such events cost a hundred times more. */
    private static final int MAX_COPIES = 1500;
    /** Enough copies to overflow a message's text budget, as 60 instances did the Chatbot description's. */
    private static final int FEW_COPIES = 150;

    /**
     * A firing sample event and where its text and lists are.
     *
     * @param envelope the event
     * @param strings  JSON pointers to every string in its {@code detail}
     * @param lists    JSON pointers to every non-empty array in its {@code detail}
     */
    private record Template(JsonNode envelope, List<String> strings, List<String> lists) {}

    @FuzzTest(maxDuration = "45s")
    void hostileTextInAFiringEvent_isFormattedSafelyAndWithinLimits(FuzzedDataProvider data) {
        for (Alert alert : WholePath.check(event(data))) {
            AlertOutputs.check(alert);
        }
    }

    /** A firing sample with hostile text in a few of its strings and, now and then, one of its lists grown. */
    private static byte[] event(FuzzedDataProvider data) {
        Template template = TEMPLATES.get(data.pickValue(FIRING));
        ObjectNode envelope = template.envelope().deepCopy();
        int edits = data.consumeInt(1, 6);
        for (int i = 0; i < edits; i++) {
            setText(envelope, data.pickValue(template.strings()), hostile(data));
        }
        if (!template.lists().isEmpty() && data.consumeInt(0, 15) == 0) {
            int most = data.consumeInt(0, 7) == 0 ? MAX_COPIES : FEW_COPIES;
            grow(envelope, data.pickValue(template.lists()), data.consumeInt(0, most));
        }
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text an attacker might send: pieces of Slack, shell, e-mail and Unicode trouble and arbitrary text. */
    private static String hostile(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int pieces = data.consumeInt(0, 6);
        for (int i = 0; i < pieces; i++) {
            text.append(data.consumeBoolean() ? data.pickValue(HOSTILE) : data.consumeString(24));
        }
        if (data.consumeInt(0, 7) == 0 && !text.isEmpty()) {
            int length = data.consumeInt(0, 6_000);
            String unit = text.toString();
            while (text.length() < length) {
                text.append(unit);
            }
        }
        return text.toString();
    }

    private static void setText(ObjectNode envelope, String pointer, String value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = envelope.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), TextNode.valueOf(value));
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), TextNode.valueOf(value));
        }
    }

    /** Appends {@code copies} copies of the list's first element, each with its ids made distinct. */
    private static void grow(ObjectNode envelope, String pointer, int copies) {
        if (!(envelope.at(pointer) instanceof ArrayNode list) || list.isEmpty()) {
            return;
        }
        JsonNode first = list.get(0);
        for (int i = 0; i < copies; i++) {
            JsonNode copy = first.deepCopy();
            suffixIds(copy, "-" + i);
            list.add(copy);
        }
    }

    private static void suffixIds(JsonNode node, String suffix) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && name.endsWith("Id")) {
                    object.put(name, value.textValue() + suffix);
                } else {
                    suffixIds(value, suffix);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> suffixIds(element, suffix));
        }
    }

    private static Map<String, Template> templates() {
        Map<String, Template> out = new TreeMap<>();
        Fixtures.expectations().forEach((fixture, fired) -> {
            if (fired.isEmpty()) {
                return;
            }
            JsonNode envelope;
            try {
                envelope = MAPPER.readTree(Fixtures.bytes(fixture));
            } catch (IOException e) {
                throw new UncheckedIOException(fixture, e);
            }
            List<String> strings = new ArrayList<>();
            List<String> lists = new ArrayList<>();
            locate(envelope.path("detail"), "/detail", strings, lists);
            out.put(fixture, new Template(envelope, List.copyOf(strings), List.copyOf(lists)));
        });
        return out;
    }

    private static void locate(JsonNode node, String pointer, List<String> strings, List<String> lists) {
        if (node.isTextual()) {
            strings.add(pointer);
        } else if (node.isObject()) {
            node.properties().forEach(field -> locate(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), strings, lists));
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                lists.add(pointer);
            }
            for (int i = 0; i < node.size(); i++) {
                locate(node.get(i), pointer + "/" + i, strings, lists);
            }
        }
    }
}
