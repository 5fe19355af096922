package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;

/**
 * A detection whose metadata is its entry in {@link DetectionCatalog}: the class names its id and holds its logic,
 * nothing else, so a title, a severity or an ASFF type is written once, in the catalog. The entry is looked up when
 * the detection is built, so a detection without one fails at registration, not at its first event. Immutable.
 */
public abstract class CatalogDetection implements Detection {
    private final DetectionInfo info;

    protected CatalogDetection(String id) {
        this.info = DetectionCatalog.info(id);
    }

    @Override
    public final DetectionInfo info() {
        return info;
    }

    /**
     * Whether the event is one of the catalog's calls from one of its sources. The registry routes only such events;
     * a detection asks where its logic must not trust a caller that did not go through the registry.
     */
    protected final boolean watches(CloudTrailEvent event) {
        return info.eventSources().contains(event.eventSource()) && info.eventNames().contains(event.eventName());
    }

    /** A finding of this detection for {@code event}, with the catalog's title and severity until told otherwise. */
    protected final FindingBuilder finding(CloudTrailEvent event) {
        return FindingBuilder.of(info, event);
    }
}
