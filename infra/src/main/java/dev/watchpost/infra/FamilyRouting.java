package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awscdk.services.events.EventPattern;

/**
 * The EventBridge pattern of one family, derived only from the detection registry so that nobody types an event name
 * twice: the family's CloudTrail event sources and event names, and the matching {@code aws.<service>} sources that
 * EventBridge stamps on CloudTrail events. Matching on {@code detail.eventSource} as well as {@code source} keeps a
 * pattern exact even where a service's EventBridge source is only known by convention. Immutable.
 *
 * @param sources      EventBridge {@code source} values, sorted
 * @param eventSources CloudTrail {@code detail.eventSource} values, sorted
 * @param eventNames   CloudTrail {@code detail.eventName} values, sorted
 */
public record FamilyRouting(List<String> sources, List<String> eventSources, List<String> eventNames) {
    private static final String SERVICE_SUFFIX = ".amazonaws.com";

    public FamilyRouting {
        sources = List.copyOf(sources);
        eventSources = List.copyOf(eventSources);
        eventNames = List.copyOf(eventNames);
        if (eventSources.isEmpty() || eventNames.isEmpty()) {
            throw new IllegalArgumentException("a family with no event source or no event name cannot be routed");
        }
    }

    /** The routing of {@code family}; fails when no detection of the registry belongs to it. */
    public static FamilyRouting of(Detections registry, Family family) {
        SortedSet<String> eventSources = registry.eventSources(family);
        SortedSet<String> sources = new TreeSet<>();
        eventSources.forEach(eventSource -> sources.add(eventBridgeSource(eventSource)));
        return new FamilyRouting(List.copyOf(sources), List.copyOf(eventSources), List.copyOf(registry.eventNames(family)));
    }

    /** {@code ec2.amazonaws.com} → {@code aws.ec2}: the EventBridge source of a CloudTrail event source. */
    public static String eventBridgeSource(String eventSource) {
        if (!eventSource.endsWith(SERVICE_SUFFIX) || eventSource.length() == SERVICE_SUFFIX.length()) {
            throw new IllegalArgumentException("event source \"" + eventSource
                    + "\" is not a CloudTrail service endpoint (<service>" + SERVICE_SUFFIX + ")");
        }
        return "aws." + eventSource.substring(0, eventSource.length() - SERVICE_SUFFIX.length());
    }

    /**
     * The pattern as EventBridge's JSON (the same fields as {@link #eventPattern()}), for the L1 resources that take
     * a plain object and for {@link ForwardingPattern}.
     */
    public Map<String, Object> json() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", eventSources);
        detail.put("eventName", eventNames);
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", sources);
        pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
        pattern.put("detail", detail);
        return pattern;
    }

    public EventPattern eventPattern() {
        return EventPattern.builder()
                .source(sources)
                .detailType(List.of(CloudTrailEvent.DETAIL_TYPE))
                .detail(Map.of("eventSource", eventSources, "eventName", eventNames))
                .build();
    }
}
