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

    /** A finding of this detection for {@code event}, with the catalog's title and severity until told otherwise. */
    protected final FindingBuilder finding(CloudTrailEvent event) {
        return FindingBuilder.of(info, event);
    }
}
