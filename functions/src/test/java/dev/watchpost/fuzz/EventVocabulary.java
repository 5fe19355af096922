package dev.watchpost.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Detection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The words CloudTrail events are made of, gathered once from the sample events and the detection registry: the
 * event names and sources the detections route on, every field name and string value that appears in the samples'
 * {@code requestParameters}, {@code responseElements} and {@code userIdentity}, and the samples themselves by name.
 * A structured fuzz target builds its events from these, so the fuzzer reaches detection logic instead of spending
 * its time on JSON syntax or guessing a field name such as {@code securityGroupRuleSet}. Sorted, so the same fuzz
 * input always builds the same event. Immutable.
 */
final class EventVocabulary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Event name → the event sources of the detections that route on it. */
    static final Map<String, List<String>> SOURCES_BY_NAME = sourcesByName();
    static final List<String> EVENT_NAMES = List.copyOf(SOURCES_BY_NAME.keySet());
    static final List<String> FIELD_NAMES;
    static final List<String> STRINGS;
    /** Event name → the {@code detail} of every sample event of that name, in file order. */
    static final Map<String, List<JsonNode>> SAMPLES;

    static {
        SortedSet<String> names = new TreeSet<>();
        SortedSet<String> strings = new TreeSet<>();
        Map<String, List<JsonNode>> samples = new TreeMap<>();
        for (String fixture : Fixtures.all()) {
            JsonNode detail = read(fixture).path("detail");
            for (String part : List.of("requestParameters", "responseElements", "userIdentity")) {
                collect(detail.path(part), names, strings);
            }
            samples.computeIfAbsent(detail.path("eventName").asText(), n -> new ArrayList<>()).add(detail);
        }
        FIELD_NAMES = List.copyOf(names);
        STRINGS = List.copyOf(strings);
        samples.replaceAll((name, list) -> List.copyOf(list));
        SAMPLES = Collections.unmodifiableMap(samples);
    }

    private EventVocabulary() {}

    private static Map<String, List<String>> sourcesByName() {
        Map<String, SortedSet<String>> sources = new TreeMap<>();
        for (Detection detection : OfflineWatchpost.DETECTIONS.all()) {
            for (String name : detection.info().eventNames()) {
                sources.computeIfAbsent(name, n -> new TreeSet<>()).addAll(detection.info().eventSources());
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        sources.forEach((name, set) -> out.put(name, List.copyOf(set)));
        return Collections.unmodifiableMap(out);
    }

    private static void collect(JsonNode node, SortedSet<String> names, SortedSet<String> strings) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                names.add(field.getKey());
                collect(field.getValue(), names, strings);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, names, strings));
        } else if (node.isTextual() && node.textValue().length() <= 200) {
            strings.add(node.textValue());
        }
    }

    private static JsonNode read(String fixture) {
        try {
            return MAPPER.readTree(Fixtures.bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(fixture, e);
        }
    }
}
