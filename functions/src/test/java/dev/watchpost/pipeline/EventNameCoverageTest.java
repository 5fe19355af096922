package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionCatalog;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every event name the catalog routes to a detection is shown to fire it: EventBridge delivers each name of a
 * detection's {@code eventNames}, and a name no sample event fires the detection on is a name whose realistic request
 * shape nobody has checked the detection reads (a blind spot the corpus test cannot see, since it only compares the
 * fixtures that exist). Detections whose only source is the sweep's are left out: their events come from the sweep,
 * not from CloudTrail. The name of a fixture is its event's {@code eventName}, not its file name.
 */
class EventNameCoverageTest {

    @Test
    void everyCloudTrailEventNameOfADetectionHasAFixtureThatFiresIt() {
        Map<String, Set<String>> firedByName = firedDetectionsByEventName();
        DetectionCatalog catalog = DetectionCatalog.shipped();
        List<String> uncovered = new ArrayList<>();
        for (String id : catalog.ids()) {
            DetectionInfo info = DetectionCatalog.info(id);
            if (!fromCloudTrail(info)) {
                continue;
            }
            info.eventNames().stream().sorted()
                    .filter(name -> !firedByName.getOrDefault(name, Set.of()).contains(id))
                    .forEach(name -> uncovered.add(id + "/" + name));
        }
        assertTrue(uncovered.isEmpty(), () -> uncovered.size() + " (detection, event name) pairs have no fixture of "
                + "that event name whose expectations include the detection:\n  " + String.join("\n  ", uncovered));
    }

    /** Event name → every detection id some fixture of that name is expected to fire. */
    private static Map<String, Set<String>> firedDetectionsByEventName() {
        Map<String, Set<String>> out = new HashMap<>();
        Fixtures.expectations().forEach((fixture, ids) -> out
                .computeIfAbsent(Fixtures.event(fixture).eventName(), name -> new HashSet<>())
                .addAll(ids));
        return out;
    }

    /** True unless the sweep's source is the detection's only one. */
    private static boolean fromCloudTrail(DetectionInfo info) {
        return !info.eventSources().equals(Set.of(CloudTrailEvent.SWEEP_SOURCE));
    }
}
