package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge pattern that matches exactly the events some family's rule matches: an {@code $or} of the
 * {@link FamilyRouting} patterns (their common {@code detail-type} hoisted), built from the registry so that a new
 * detection is forwarded as soon as it is routed. A single pattern with the union of each field would be wider: it
 * would pair one family's event source with another family's event names. Member accounts forward with it and the
 * central bus archives with it. Stateless.
 */
final class ForwardingPattern {
    private ForwardingPattern() {}

    /** {@code {"detail-type": [...], "$or": [{"source": ..., "detail": {...}}, ...]}}, families in enum order. */
    static Map<String, Object> union(Detections registry) {
        List<Object> clauses = new ArrayList<>();
        for (Family family : Family.values()) {
            Map<String, Object> clause = new LinkedHashMap<>(FamilyRouting.of(registry, family).json());
            clause.remove("detail-type");
            clauses.add(clause);
        }
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
        pattern.put("$or", clauses);
        return pattern;
    }
}
