package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reason to alert, raised by a detection from one event. Immutable; the event it came from is kept so alerts
 * can show who, where and when without copying every field.
 *
 * @param detection what fired
 * @param severity  this finding's severity (may differ from the detection's default)
 * @param title     one line for people, e.g. "SSH open to the internet on sg-0abc…"
 * @param event     the CloudTrail event that raised it
 * @param resources the resources concerned, most important first
 * @param context   ordered, display-ready facts (key → value) specific to the detection
 * @param details   typed evidence for the remediation
 */
public record Finding(DetectionInfo detection, Severity severity, String title, CloudTrailEvent event,
                      List<Resource> resources, Map<String, String> context, FindingDetails details) {
    public Finding {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
        resources = List.copyOf(resources);
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** The key that makes handling idempotent across retries: detection id + CloudTrail event id. */
    public String dedupKey() {
        return detection.id() + "/" + event.eventId();
    }

    /** The first resource's id, or "" when the finding names none. */
    public String primaryResourceId() {
        return resources.isEmpty() ? "" : resources.getFirst().id();
    }
}
