package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Match;

/**
 * The EventBridge pattern of one family, derived only from the detection registry so that nobody types an event name
 * twice: CloudTrail API calls ({@code detail-type}) from any AWS service ({@code source} prefix {@code aws.}), by the
 * family's CloudTrail event sources and event names. The exact {@code aws.<service>} source EventBridge stamps on a
 * service's CloudTrail events is only known by convention, and a wrong guess would silently drop a whole service's
 * events; {@code detail.eventSource} is exact. The {@code aws.} prefix keeps what matters about the source: nobody
 * can put an event with such a source on a bus ({@code PutEvents} refuses it), so a forged event matches no rule.
 * Immutable.
 *
 * @param eventSources   CloudTrail {@code detail.eventSource} values, sorted
 * @param eventNames     CloudTrail {@code detail.eventName} values, sorted
 * @param readOnlyEvents whether a detection reads read-only calls, which EventBridge matches only against a rule
 *                       enabled for all CloudTrail management events
 */
public record FamilyRouting(List<String> eventSources, List<String> eventNames, boolean readOnlyEvents) {
    /** The rule state that also receives read-only management events (calls named Get…, Describe…, List…). */
    public static final String ENABLED_WITH_READ_ONLY = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

    /** What every EventBridge source of an AWS service starts with, and no customer's event may. */
    public static final String AWS_SOURCE_PREFIX = "aws.";
    private static final String SERVICE_SUFFIX = ".amazonaws.com";

    public FamilyRouting {
        eventSources = List.copyOf(eventSources);
        eventNames = List.copyOf(eventNames);
        if (eventSources.isEmpty() || eventNames.isEmpty()) {
            throw new IllegalArgumentException("a family with no event source or no event name cannot be routed");
        }
        for (String eventSource : eventSources) {
            if (!eventSource.endsWith(SERVICE_SUFFIX) || eventSource.length() == SERVICE_SUFFIX.length()) {
                throw new IllegalArgumentException("event source \"" + eventSource
                        + "\" is not a CloudTrail service endpoint (<service>" + SERVICE_SUFFIX + ")");
            }
        }
    }

    /** The routing of {@code family}; fails when no detection of the registry belongs to it. */
    public static FamilyRouting of(Detections registry, Family family) {
        return new FamilyRouting(List.copyOf(registry.eventSources(family)), List.copyOf(registry.eventNames(family)),
                registry.readsReadOnlyEvents(family));
    }

    /** {@code ENABLED}, or {@link #ENABLED_WITH_READ_ONLY} when a detection of the family reads read-only calls. */
    public String ruleState() {
        return readOnlyEvents ? ENABLED_WITH_READ_ONLY : "ENABLED";
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
        pattern.put("source", List.of(Map.of("prefix", AWS_SOURCE_PREFIX)));
        pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
        pattern.put("detail", detail);
        return pattern;
    }

    public EventPattern eventPattern() {
        return EventPattern.builder()
                .source(Match.prefix(AWS_SOURCE_PREFIX))
                .detailType(List.of(CloudTrailEvent.DETAIL_TYPE))
                .detail(Map.of("eventSource", eventSources, "eventName", eventNames))
                .build();
    }
}
