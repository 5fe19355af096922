package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * A detection of calls that happened: a failed call (an {@code errorCode}, a dry run included) changed nothing and
 * never fires. All detections but one are of this kind, so the guard is written here once and a subclass reads only
 * calls that succeeded. Immutable.
 */
public abstract class SuccessfulCallDetection extends CatalogDetection {
    protected SuccessfulCallDetection(String id) {
        super(id);
    }

    @Override
    public final List<Finding> evaluate(CloudTrailEvent event) {
        return event.succeeded() ? evaluateSucceeded(event) : List.of();
    }

    /** The findings of a call that succeeded; empty when it does not match. */
    protected abstract List<Finding> evaluateSucceeded(CloudTrailEvent event);
}
