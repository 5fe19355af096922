package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each family's synthesized rule pattern is exactly what the registry says the family's detections read: CloudTrail
 * API calls ({@code detail-type}) from AWS services ({@code source} prefix {@code aws.}), by event source and name.
 * The expectation is computed here from {@link Detections} directly, not through {@link FamilyRouting}.
 */
final class RulePatternTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private final Synthesized synthesized = Synthesized.defaults();

    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesOnlyCloudTrailApiCalls(Family family) {
        assertEquals(List.of("AWS API Call via CloudTrail"), texts(pattern(family).path("detail-type")));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesTheEventSourcesOfTheFamilysDetections(Family family) {
        Set<String> eventSources = new TreeSet<>();
        detectionsOf(family).forEach(detection -> eventSources.addAll(detection.info().eventSources()));
        assertEquals(eventSources, new TreeSet<>(texts(pattern(family).path("detail").path("eventSource"))));
    }

    /** Any AWS service's source, which no caller of PutEvents may use; the exact service is in the detail. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesOnlySourcesOfAwsServices(Family family) {
        JsonNode source = pattern(family).path("source");
        assertEquals(1, source.size(), source.toString());
        assertEquals("aws.", source.get(0).path("prefix").asText(), source.toString());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesTheEventNamesOfTheFamilysDetections(Family family) {
        Set<String> names = new TreeSet<>();
        detectionsOf(family).forEach(detection -> names.addAll(detection.info().eventNames()));
        assertFalse(names.isEmpty(), family.id() + " has no detection");

        List<String> inPattern = texts(pattern(family).path("detail").path("eventName"));
        assertEquals(names, new TreeSet<>(inPattern));
        assertEquals(names.size(), inPattern.size(), "duplicate event names: " + inPattern);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesOnNothingElse(Family family) {
        JsonNode pattern = pattern(family);
        assertEquals(Set.of("source", "detail-type", "detail"), fieldNames(pattern));
        assertEquals(Set.of("eventSource", "eventName"), fieldNames(pattern.path("detail")));
    }

    /** Read-only calls (Get…, Describe…, List…) reach a rule only in this state; the registry says who needs them. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void receivesReadOnlyCalls_exactlyWhenADetectionOfTheFamilyReadsThem(Family family) {
        boolean needed = detectionsOf(family).stream().anyMatch(d -> !d.info().readOnlyEventNames().isEmpty());
        assertEquals(needed ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" : "ENABLED",
                synthesized.properties(synthesized.family(family).rule()).path("State").asText());
    }

    /** EventBridge refuses a pattern longer than this (PutRule's EventPattern). */
    private static final int MAX_PATTERN_LENGTH = 4096;

    @ParameterizedTest
    @EnumSource(Family.class)
    void fitsEventBridgesPatternLimit(Family family) throws Exception {
        String pattern = Synthesized.MAPPER.writeValueAsString(pattern(family));
        assertTrue(pattern.length() <= MAX_PATTERN_LENGTH, family.id() + ": " + pattern.length() + " characters");
    }

    private static List<Detection> detectionsOf(Family family) {
        return REGISTRY.all().stream().filter(detection -> detection.info().family() == family).toList();
    }

    private JsonNode pattern(Family family) {
        return synthesized.properties(synthesized.family(family).rule()).path("EventPattern");
    }

    private static List<String> texts(JsonNode array) {
        return Synthesized.elements(array).stream().map(JsonNode::asText).toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
