package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * One condition worth an alert. Implementations are pure (no I/O, no clock, no SDK), never throw on a missing or
 * oddly typed field, and are safe to call from many threads at once.
 */
public interface Detection {
    DetectionInfo info();

    /** The findings this event raises; empty when it does not match. Only called for the info's event names. */
    List<Finding> evaluate(CloudTrailEvent event);
}
