package dev.watchpost.alert;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public static SnsMessage of(Alert alert) {
        Finding finding = alert.finding();
        String where = " (" + finding.event().account() + "/" + finding.event().region() + ")";
        String prefix = "[" + finding.severity() + "] ";
        int room = MAX_SUBJECT_LENGTH - prefix.length() - where.length();
        String subject = Sanitize.ascii(prefix + Sanitize.ascii(finding.title(), Math.max(10, room)) + where,
                MAX_SUBJECT_LENGTH);

        ObjectNode structure = JsonMapper.builder().build().createObjectNode();
        structure.put("default", fit(FindingDocument.json(alert)));
        structure.put("email", fit(EmailText.of(alert)));

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", finding.severity().name());
        attributes.put("detection", finding.detection().id());
        attributes.put("account", Sanitize.text(finding.event().account(), 64));
        attributes.put("region", Sanitize.text(finding.event().region(), 64));
        return new SnsMessage(subject, structure.toString(), attributes);
    }

    private static String fit(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_PART_BYTES) {
            return part;
        }
        return Sanitize.cut(part, MAX_PART_BYTES / 4);
    }
}
