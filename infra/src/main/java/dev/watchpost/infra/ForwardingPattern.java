package dev.watchpost.infra;

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
 * The EventBridge pattern of the events some detection reads: one {@code $or} clause per CloudTrail event source,
 * listing the event names that the registry's detections read from that source (their common {@code detail-type} and
 * {@code source} prefix in each clause), built from the registry so that a new detection is forwarded as soon as it is
 * routed. Member accounts forward with it and the central bus archives with it. Stateless.
 *
 * <p>Why per event source and not an {@code $or} of the family patterns: two families read some of the same calls
 * (EventBridge's {@code DisableRule} for the audit rule, say), and Event Ruler, EventBridge's own matcher, then
 * matches an {@code $or} of overlapping family clauses wrongly: it dropped every audit event that only the later
 * clause matched (Event Ruler 2.1; {@code ForwardingPatternTest} runs every fixture through the forwarding rule).
 * Clauses that never share an event source avoid it. The pattern is
 * also exact where a family's rule is not: a family rule pairs every event source of the family with every event name,
 * while this forwards only the pairs a detection reads, which are the only events any detection can fire on.
 */
final class ForwardingPattern {
    private ForwardingPattern() {}

    /** {@code {"detail-type": [...], "$or": [{"source": [...], "detail": {...}}, ...]}}, event sources sorted. */
    static Map<String, Object> union(Detections registry) {
        SortedMap<String, SortedSet<String>> namesBySource = new TreeMap<>();
        for (Detection detection : registry.all()) {
            for (String eventSource : detection.info().eventSources()) {
                namesBySource.computeIfAbsent(eventSource, s -> new TreeSet<>()).addAll(detection.info().eventNames());
            }
        }
        List<Object> clauses = new ArrayList<>();
        namesBySource.forEach((eventSource, names) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventSource", List.of(eventSource));
            detail.put("eventName", List.copyOf(names));
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("source", List.of(Map.of("prefix", FamilyRouting.AWS_SOURCE_PREFIX)));
            clause.put("detail", detail);
            clauses.add(clause);
        });
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
        pattern.put("$or", clauses);
        return pattern;
    }
}
