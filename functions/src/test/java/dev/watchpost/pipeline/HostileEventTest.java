package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.SnsMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Inputs built to hurt: cut short, nested without end, huge, not UTF-8, null everywhere. Each goes through every
 * detection with every remediation on ENFORCE. A malformed one must be counted and return normally without changing
 * anything; a valid but huge one must still alert within SNS's limits.
 */
class HostileEventTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    /** SNS's limit for a whole message. */
    private static final int SNS_MESSAGE_LIMIT = 256 * 1024;

    private final EnforcingPipeline harness = new EnforcingPipeline();

    private PipelineResult process(byte[] bytes) {
        return harness.pipeline.process(bytes, "hostile", harness.telemetry);
    }

    private void assertMalformedAndUntouched(PipelineResult result) {
        assertEquals(PipelineResult.Status.MALFORMED, result.status());
        assertEquals(1, harness.telemetry.malformed.size(), harness.telemetry.malformed.toString());
        assertTrue(harness.effects().isEmpty());
        assertTrue(harness.sns.published.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 10, 100, 500, 1000, 1500, 2000})
    void countsATruncatedEventAsMalformed_andChangesNothing(int keep) {
        byte[] whole = Fixtures.bytes(WORLD_SSH);
        byte[] cut = java.util.Arrays.copyOf(whole, Math.min(keep, whole.length - 1));

        assertMalformedAndUntouched(process(cut));
    }

    @Test
    void countsADeeplyNestedEventAsMalformed() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        String event = new String(Fixtures.bytes(WORLD_SSH), StandardCharsets.UTF_8)
                .replaceFirst("\"requestParameters\"\\s*:", "\"requestParameters\": " + nested + ", \"x\":");

        assertMalformedAndUntouched(process(event.getBytes(StandardCharsets.UTF_8)));
        assertTrue(harness.telemetry.malformed.getFirst().contains("nesting depth"),
                harness.telemetry.malformed.getFirst());
    }

    @Test
    void countsInvalidUtf8AsMalformed() {
        byte[] whole = Fixtures.bytes(WORLD_SSH);
        String text = new String(whole, StandardCharsets.UTF_8);
        int at = text.indexOf("temp ssh");
        byte[] broken = whole.clone();
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;

        assertMalformedAndUntouched(process(broken));
    }

    @Test
    void countsNullEverywhereAsMalformed() {
        assertMalformedAndUntouched(process("null".getBytes(StandardCharsets.UTF_8)));
        harness.telemetry.malformed.clear();
        assertMalformedAndUntouched(process("{\"detail-type\":null,\"detail\":null}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ignoresARecordWhoseEveryFieldIsNull() throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(WORLD_SSH));
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.properties().forEach(field -> {
            if (!field.getKey().equals("eventName")) {
                field.setValue(MAPPER.nullNode());
            }
        });

        PipelineResult result = process(MAPPER.writeValueAsBytes(envelope));

        assertEquals(PipelineResult.Status.PROCESSED, result.status());
        assertTrue(result.alerts().isEmpty(), "nothing says the call succeeded or what it opened");
        assertTrue(harness.effects().isEmpty());
    }

    @Test
    void alertsWithinSnsLimits_onATenMegabyteEvent() throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(WORLD_SSH));
        ((ObjectNode) envelope.get("detail")).put("userAgent", "A".repeat(10 * 1024 * 1024));
        byte[] bytes = MAPPER.writeValueAsBytes(envelope);
        assertTrue(bytes.length > 10 * 1024 * 1024);

        PipelineResult result = process(bytes);

        assertEquals(1, result.alerts().size());
        assertEquals(1, harness.effects().size());
        assertWithinSnsLimits(harness.sns.published.getFirst());
    }

    @Test
    void revokesEveryOffendingRule_andAlertsWithinSnsLimits_onAHundredThousandRules() throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(WORLD_SSH));
        ArrayNode items = (ArrayNode) envelope.at("/detail/responseElements/securityGroupRuleSet/items");
        JsonNode template = items.get(0);
        items.removeAll();
        for (int i = 0; i < 100_000; i++) {
            ObjectNode rule = template.deepCopy();
            rule.put("securityGroupRuleId", String.format("sgr-%017x", i));
            items.add(rule);
        }

        PipelineResult result = process(MAPPER.writeValueAsBytes(envelope));

        assertEquals(1, result.alerts().size());
        assertEquals(1, harness.clients.ec2.revokes.size());
        assertEquals(100_000, harness.clients.ec2.revokes.getFirst().securityGroupRuleIds().size());
        assertWithinSnsLimits(harness.sns.published.getFirst());
    }

    private static void assertWithinSnsLimits(PublishRequest publish) throws Exception {
        int size = publish.message().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size <= SNS_MESSAGE_LIMIT, "message of " + size + " bytes");
        assertTrue(publish.subject().length() <= SnsMessage.MAX_SUBJECT_LENGTH);
        JsonNode parts = MAPPER.readTree(publish.message());
        assertTrue(parts.has("default") && parts.has("email"), List.copyOf(parts.properties()).toString());
    }
}
