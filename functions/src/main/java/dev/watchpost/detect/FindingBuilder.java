package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link Finding} so detections stay short and consistent: empty context values are dropped, and a call
 * made by an AWS service on someone's behalf is always noted ({@code madeByAwsService}). Not thread-safe; build one
 * finding per instance.
 */
public final class FindingBuilder {
    private final DetectionInfo detection;
    private final CloudTrailEvent event;
    private Severity severity;
    private String title;
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, String> context = new LinkedHashMap<>();
    private FindingDetails details = FindingDetails.NONE;

    private FindingBuilder(DetectionInfo detection, CloudTrailEvent event) {
        this.detection = detection;
        this.event = event;
        this.severity = detection.severity();
        this.title = detection.title();
    }

    public static FindingBuilder of(DetectionInfo detection, CloudTrailEvent event) {
        return new FindingBuilder(detection, event);
    }

    public FindingBuilder severity(Severity value) {
        this.severity = value;
        return this;
    }

    public FindingBuilder title(String value) {
        this.title = value;
        return this;
    }

    /** Adds a resource unless its id is empty. */
    public FindingBuilder resource(String type, String id) {
        if (id != null && !id.isEmpty()) {
            resources.add(new Resource(type, id));
        }
        return this;
    }

    /** Adds a fact unless its value is empty. */
    public FindingBuilder context(String key, String value) {
        if (value != null && !value.isEmpty()) {
            context.put(key, value);
        }
        return this;
    }

    public FindingBuilder details(FindingDetails value) {
        this.details = value;
        return this;
    }

    public Finding build() {
        Principal principal = event.principal();
        if (principal.isAwsService()) {
            context.put("madeByAwsService", principal.invokedBy().isEmpty() ? principal.type() : principal.invokedBy());
        }
        return new Finding(detection, severity, title, event, resources, context, details);
    }

    /** The one-element list most detections return. */
    public List<Finding> buildList() {
        return List.of(build());
    }
}
