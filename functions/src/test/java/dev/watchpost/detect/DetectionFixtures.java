package dev.watchpost.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one detection over a sample event of {@code events/}, a variant of one or a hand-written record, for the
 * detections' own tests: loading, varying, evaluating and insisting on a single finding are written here once.
 * Stateless.
 */
public final class DetectionFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectionFixtures() {}

    /** The findings of {@code detection} on the fixture at {@code fixture}, a path relative to {@code events/}. */
    public static List<Finding> findings(Detection detection, String fixture) {
        return detection.evaluate(Fixtures.event(fixture));
    }

    /** The one finding of {@code detection} on the fixture; fails naming the fixture when there are none or more. */
    public static Finding only(Detection detection, String fixture) {
        return single(findings(detection, fixture), fixture);
    }

    /** The one finding of {@code detection} on {@code event}; fails when there are none or more. */
    public static Finding only(Detection detection, CloudTrailEvent event) {
        return single(detection.evaluate(event), "the event " + event.eventName());
    }

    /** A record written in the test (a text block), parsed as the handler parses what the bus delivers. */
    public static CloudTrailEvent inline(String json) {
        try {
            return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEventException e) {
            throw new IllegalArgumentException("inline record is malformed: " + json, e);
        }
    }

    /**
     * The fixture with the field {@code removed} of the object at {@code pointer} (a JSON pointer into the envelope)
     * replaced by what {@code put} writes there: the same call in another of the shapes CloudTrail records it in.
     */
    public static CloudTrailEvent replacing(String fixture, String pointer, String removed, Consumer<ObjectNode> put) {
        return Fixtures.edited(fixture, pointer, node -> {
            node.remove(removed);
            put.accept(node);
        });
    }

    /**
     * The fixture with its request replaced by {@code request} (JSON) and its response null, so that only that request
     * can be read: e.g. the flat camelCase form CloudTrail may record instead of the wrapped PascalCase one.
     */
    public static CloudTrailEvent requestOnly(String fixture, String request) {
        JsonNode parameters;
        try {
            parameters = MAPPER.readTree(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request for " + fixture + " is not JSON: " + request, e);
        }
        return Fixtures.edited(fixture, "/detail", detail -> {
            detail.set("requestParameters", parameters);
            detail.putNull("responseElements");
        });
    }

    private static Finding single(List<Finding> findings, String source) {
        if (findings.size() != 1) {
            throw new AssertionError(source + " raised " + findings.size() + " findings, expected one: " + findings);
        }
        return findings.getFirst();
    }
}
