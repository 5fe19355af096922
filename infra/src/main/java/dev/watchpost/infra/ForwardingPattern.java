package dev.watchpost.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The EventBridge patterns of the events some detection reads, for the member accounts' forwarding rules: one
 * {@code $or} clause per CloudTrail event source, listing the event names that the registry's detections read from
 * that source (each clause with the {@code source} prefix {@code aws.}), packed into as few patterns as fit
 * EventBridge's limit on a pattern's length. Built from the registry, so a new detection is forwarded as soon as it is
 * routed. Stateless.
 *
 * <p>Why per event source and not an {@code $or} of the family patterns: two families read some of the same calls
 * (EventBridge's {@code DisableRule} for the audit rule, say), and Event Ruler, EventBridge's own matcher, then
 * matches an {@code $or} of overlapping family clauses wrongly: it dropped every audit event that only the later
 * clause matched (Event Ruler 2.1; {@code ForwardingPatternTest} runs every fixture through the forwarding rules).
 * Clauses that never share an event source avoid it, and since no event source is in two patterns, an event is
 * forwarded by one rule at most, never twice. The patterns are also exact where a family's rule is not: a family rule
 * pairs every event source of the family with every event name, while these forward only the pairs a detection
 * reads, which are the only events any detection can fire on.
 */
final class ForwardingPattern {
    /** EventBridge refuses a rule whose pattern is longer (PutRule's {@code EventPattern}). */
    static final int MAX_PATTERN_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForwardingPattern() {}

    /**
     * {@code {"detail-type": [...], "$or": [{"source": [...], "detail": {...}}, ...]}} patterns, each at most
     * {@link #MAX_PATTERN_LENGTH} characters as JSON, event sources sorted.
     */
    static List<Map<String, Object>> patterns(Detections registry) {
        List<Map<String, Object>> patterns = new ArrayList<>();
        List<Object> clauses = new ArrayList<>();
        for (Map<String, Object> clause : clauses(registry)) {
            clauses.add(clause);
            if (length(pattern(clauses)) > MAX_PATTERN_LENGTH) {
                clauses.removeLast();
                if (clauses.isEmpty()) {
                    throw new IllegalStateException("the event names of " + clause.get("detail")
                            + " alone exceed EventBridge's pattern length");
                }
                patterns.add(pattern(clauses));
                clauses = new ArrayList<>(List.of(clause));
            }
        }
        if (!clauses.isEmpty()) {
            patterns.add(pattern(clauses));
        }
        return patterns;
    }

    private static List<Map<String, Object>> clauses(Detections registry) {
        SortedMap<String, SortedSet<String>> namesBySource = new TreeMap<>();
        for (Detection detection : registry.all()) {
            for (String eventSource : detection.info().eventSources()) {
                namesBySource.computeIfAbsent(eventSource, s -> new TreeSet<>()).addAll(detection.info().eventNames());
            }
        }
        List<Map<String, Object>> clauses = new ArrayList<>();
        namesBySource.forEach((eventSource, names) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventSource", List.of(eventSource));
            detail.put("eventName", List.copyOf(names));
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("source", List.of(Map.of("prefix", FamilyRouting.AWS_SOURCE_PREFIX)));
            clause.put("detail", detail);
            clauses.add(clause);
        });
        return clauses;
    }

    private static Map<String, Object> pattern(List<Object> clauses) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
        pattern.put("$or", List.copyOf(clauses));
        return pattern;
    }

    static int length(Map<String, Object> pattern) {
        try {
            return JSON.writeValueAsString(pattern).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a forwarding pattern cannot be written as JSON", e);
        }
    }
}
