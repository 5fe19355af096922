package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Structurally valid EventBridge envelopes with fuzzed contents: the event name is one a detection routes on, the
 * source usually the one it expects, {@code userIdentity} is fuzzed, and {@code requestParameters} and
 * {@code responseElements} are either a sample event's of that name with a few values at any depth replaced or
 * removed, or trees of fuzzed shape whose field names and strings come mostly from the samples
 * ({@link EventVocabulary}); nulls, numbers, booleans, numeric strings, {@code {"items": […]}} wrappers and arbitrary
 * text are mixed in. So the fuzzer spends its time in the detections and remediations, not in JSON syntax. The
 * properties are {@link WholePath}'s, plus: such an envelope is never reported malformed. Seeds
 * ({@code src/test/resources/dev/watchpost/fuzz/StructuredEventFuzzTestInputs/}): one corpus input per detection that
 * fired, with and without a plan, when they were picked; once the samples or the registry change the same bytes
 * build other events, so they are starting points, not expectations.
 */
class StructuredEventFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final List<String> PRINCIPAL_TYPES = List.of("IAMUser", "AssumedRole", "Root", "AWSService",
            "FederatedUser", "AWSAccount", "IdentityCenterUser");
    private static final List<String> ERROR_CODES = List.of("Client.DryRunOperation", "AccessDenied",
            "Client.UnauthorizedOperation", "TrailNotFoundException", "");
    private static final List<Integer> PORTS = List.of(-1, 0, 1, 21, 22, 23, 80, 443, 1024, 3389, 3390, 65535, 65536);

    @FuzzTest(maxDuration = "45s")
    void validEnvelopes_ofAnyContent_reachTheDetections_andEveryPlanFollowsAFinding(FuzzedDataProvider data) {
        byte[] envelope = envelope(data).toString().getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> CloudTrailEvent.parse(envelope), "a structurally valid envelope is never malformed");
        WholePath.check(envelope);
    }

    private static ObjectNode envelope(FuzzedDataProvider data) {
        String name = data.pickValue(EventVocabulary.EVENT_NAMES);
        List<String> sources = EventVocabulary.SOURCES_BY_NAME.get(name);
        String source = data.consumeInt(0, 15) == 0 ? data.consumeString(40) : data.pickValue(sources);
        ObjectNode detail = NODES.objectNode();
        detail.put("eventVersion", "1.09");
        detail.set("userIdentity", principal(data));
        detail.put("eventTime", data.consumeBoolean() ? "2026-11-02T10:15:30Z" : data.consumeString(30));
        detail.put("eventSource", source);
        detail.put("eventName", name);
        detail.put("awsRegion", data.consumeBoolean() ? "us-east-1" : data.consumeString(20));
        detail.put("sourceIPAddress", data.consumeBoolean() ? data.pickValue(List.of("203.0.113.7", "198.51.100.4",
                "2001:db8::1", "ec2.amazonaws.com", "AWS Internal")) : data.consumeString(40));
        detail.put("userAgent", data.consumeString(60));
        if (data.consumeInt(0, 7) == 0) {
            detail.put("errorCode", data.pickValue(ERROR_CODES));
            detail.put("errorMessage", data.consumeString(40));
        }
        List<JsonNode> samples = EventVocabulary.SAMPLES.getOrDefault(name, List.of());
        if (!samples.isEmpty() && data.consumeBoolean()) {
            JsonNode sample = data.pickValue(samples);
            detail.set("requestParameters", mutated(data, sample.path("requestParameters")));
            detail.set("responseElements", mutated(data, sample.path("responseElements")));
        } else {
            detail.set("requestParameters", value(data, 0));
            detail.set("responseElements", value(data, 0));
        }
        detail.put("eventID", data.consumeBoolean() ? "01889f1e-d188-4e6f-923e-1cfa087d21f7" : data.consumeString(40));
        detail.put("recipientAccountId", data.consumeBoolean() ? "123456789012" : data.consumeString(14));

        ObjectNode envelope = NODES.objectNode();
        envelope.put("version", "0");
        envelope.put("id", "fbb328e5-4857-4a99-a01e-474d8e6c18a0");
        envelope.put("detail-type", CloudTrailEvent.DETAIL_TYPE);
        envelope.put("source", "aws." + source.replace(".amazonaws.com", ""));
        envelope.put("account", "123456789012");
        envelope.put("time", "2026-11-02T10:15:31Z");
        envelope.put("region", "us-east-1");
        envelope.putArray("resources");
        envelope.set("detail", detail);
        return envelope;
    }

    private static ObjectNode principal(FuzzedDataProvider data) {
        ObjectNode identity = NODES.objectNode();
        identity.put("type", data.consumeBoolean() ? data.pickValue(PRINCIPAL_TYPES) : data.consumeString(20));
        identity.put("arn", data.consumeBoolean() ? data.pickValue(EventVocabulary.STRINGS) : data.consumeString(80));
        identity.put("accountId", "123456789012");
        if (data.consumeBoolean()) {
            identity.put("invokedBy", data.consumeBoolean() ? "cloudformation.amazonaws.com" : data.consumeString(30));
        }
        if (data.consumeBoolean()) {
            ObjectNode session = identity.putObject("sessionContext");
            session.putObject("sessionIssuer").put("type", "Role").put("arn", data.consumeBoolean()
                    ? "arn:aws:iam::123456789012:role/" + data.pickValue(List.of("watchpost-network-us-east-1",
                    "watchpost-audit-us-east-1", "admin", "watchpost-network-us-east-1x"))
                    : data.consumeString(80));
            session.putObject("attributes").set("mfaAuthenticated", value(data, MAX_DEPTH));
        }
        return identity;
    }

    /** A copy of a sample's request or response with a few of its values, at any depth, replaced or removed. */
    private static JsonNode mutated(FuzzedDataProvider data, JsonNode sample) {
        if (sample.isMissingNode()) {
            return NODES.nullNode();
        }
        JsonNode copy = sample.deepCopy();
        int edits = data.consumeInt(0, 4);
        for (int i = 0; i < edits && copy.isContainerNode(); i++) {
            List<JsonNode> containers = new ArrayList<>();
            containers(copy, containers);
            JsonNode container = data.pickValue(containers);
            if (container.isEmpty()) {
                continue;
            }
            if (container instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String field = data.pickValue(names);
                if (data.consumeInt(0, 4) == 0) {
                    object.remove(field);
                } else {
                    object.set(field, value(data, MAX_DEPTH - 2));
                }
            } else if (container instanceof ArrayNode array) {
                int index = data.consumeInt(0, array.size() - 1);
                if (data.consumeBoolean()) {
                    array.add(array.get(index).deepCopy());
                } else {
                    array.set(index, value(data, MAX_DEPTH - 2));
                }
            }
        }
        return copy;
    }

    private static void containers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> containers(child, out));
        }
    }

    /** A JSON value of fuzzed shape; leaves only at {@link #MAX_DEPTH}. */
    private static JsonNode value(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth >= MAX_DEPTH ? 5 : 10);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(data.consumeBoolean());
            case 2 -> NODES.numberNode(number(data));
            case 3 -> NODES.textNode(Integer.toString(number(data)));
            case 4 -> NODES.textNode(data.pickValue(EventVocabulary.STRINGS));
            case 5 -> NODES.textNode(data.consumeString(40));
            case 6 -> array(data, depth);
            case 7 -> NODES.objectNode().set("items", array(data, depth));
            default -> object(data, depth);
        };
    }

    private static int number(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(PORTS) : data.consumeInt();
    }

    private static ArrayNode array(FuzzedDataProvider data, int depth) {
        ArrayNode array = NODES.arrayNode();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
            array.add(value(data, depth + 1));
        }
        return array;
    }

    private static ObjectNode object(FuzzedDataProvider data, int depth) {
        ObjectNode object = NODES.objectNode();
        int size = data.consumeInt(0, 5);
        for (int i = 0; i < size; i++) {
            String name = data.consumeInt(0, 15) == 0 ? data.consumeString(20)
                    : data.pickValue(EventVocabulary.FIELD_NAMES);
            object.set(name, value(data, depth + 1));
        }
        return object;
    }
}
