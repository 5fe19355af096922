package dev.watchpost.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watchpost.detect.Finding;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SNS form of an alert, built purely: a subject within SNS's limit, a {@code MessageStructure: json} body with
 * {@code email} text and the JSON finding as {@code default}, and the attributes subscribers filter on.
 *
 * @param subject    at most {@link #MAX_SUBJECT_LENGTH} ASCII characters
 * @param message    the JSON message structure
 * @param attributes {@code severity}, {@code detection}, {@code account}, {@code region}
 */
public record SnsMessage(String subject, String message, Map<String, String> attributes) {
    /** SNS rejects subjects of 100 characters or more. */
    public static final int MAX_SUBJECT_LENGTH = 99;
    /** SNS's message size limit is 256 KiB for the whole structure; each part gets well under half. */
    public static final int MAX_PART_BYTES = 100 * 1024;
    /** What every string of the finding document is cut to when it does not fit even with its lists emptied. */
    static final int SHORT_VALUE = 128;

    public static SnsMessage of(Alert alert) {
        Finding finding = alert.finding();
        String where = " (" + new Where(finding.event().account(), finding.event().region()).brief() + ")";
        String prefix = "[" + finding.severity() + "] " + (finding.event().isSweep() ? "Sweep: " : "");
        int room = MAX_SUBJECT_LENGTH - prefix.length() - where.length();
        String subject = Sanitize.ascii(prefix + Sanitize.ascii(finding.title(), Math.max(10, room)) + where,
                MAX_SUBJECT_LENGTH);

        ObjectNode structure = JsonMapper.builder().build().createObjectNode();
        structure.put("default", document(alert));
        structure.put("email", fit(EmailText.of(alert)));

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", finding.severity().name());
        attributes.put("detection", finding.detection().id());
        attributes.put("origin", finding.event().isSweep() ? AlertFacts.ORIGIN_SWEEP : AlertFacts.ORIGIN_EVENT);
        attributes.put("account", Sanitize.text(finding.event().account(), 64));
        attributes.put("region", Sanitize.text(finding.event().region(), 64));
        return new SnsMessage(subject, structure.toString(), attributes);
    }

    /**
     * The finding document within {@link #MAX_PART_BYTES}, and still a JSON document (subscribers parse it). When it is
     * larger, which only thousands of resources make it, its two open-ended lists are shortened, each saying how many
     * entries it left out ({@code resourcesOmitted}, {@code remediation.targetsOmitted}); should that not do, every
     * string is cut to {@link #SHORT_VALUE} characters as well.
     */
    private static String document(Alert alert) {
        ObjectNode full = FindingDocument.of(alert);
        String json = full.toString();
        int longest = Math.max(full.path("resources").size(), full.path("remediation").path("targets").size());
        for (int keep = longest / 2; !fits(json) && keep >= 0; keep = keep == 0 ? -1 : keep / 2) {
            json = withListsCut(full, keep).toString();
        }
        if (!fits(json)) {
            ObjectNode shortest = withListsCut(full, 0);
            cutStrings(shortest);
            json = shortest.toString();
        }
        return json;
    }

    private static ObjectNode withListsCut(ObjectNode full, int keep) {
        ObjectNode document = full.deepCopy();
        cutList(document, "resources", "resourcesOmitted", keep);
        if (document.get("remediation") instanceof ObjectNode remediation) {
            cutList(remediation, "targets", "targetsOmitted", keep);
        }
        return document;
    }

    private static void cutList(ObjectNode parent, String list, String omitted, int keep) {
        if (parent.get(list) instanceof ArrayNode array && array.size() > keep) {
            int left = array.size() - keep;
            while (array.size() > keep) {
                array.remove(array.size() - 1);
            }
            parent.put(omitted, left);
        }
    }

    private static void cutStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(Sanitize.cut(field.getValue().textValue(), SHORT_VALUE)));
                } else {
                    cutStrings(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(Sanitize.cut(array.get(i).textValue(), SHORT_VALUE)));
                } else {
                    cutStrings(array.get(i));
                }
            }
        }
    }

    private static boolean fits(String part) {
        return part.getBytes(StandardCharsets.UTF_8).length <= MAX_PART_BYTES;
    }

    private static String fit(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_PART_BYTES) {
            return part;
        }
        return Sanitize.cut(part, MAX_PART_BYTES / 4);
    }
}
