package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * A tampering detection: one that recognises Watchpost's own resources by name ({@link WatchpostResources}) and
 * tells Watchpost's deploys from other changes ({@link WatchpostDeploy}), then raises the one shape of finding
 * {@link OwnResourceChange} gives. Subclasses say only which calls change which of those resources. Immutable.
 */
abstract class OwnResourceDetection extends SuccessfulCallDetection {
    final WatchpostResources own;
    private final WatchpostDeploy deploys;

    OwnResourceDetection(String id, DetectionParameters parameters) {
        super(id);
        this.own = new WatchpostResources(parameters);
        this.deploys = new WatchpostDeploy(parameters);
    }

    /** The finding for {@code change}: {@code severity}, unless Watchpost's own deploy made it. */
    final List<Finding> finding(OwnResourceChange change, CloudTrailEvent event, Severity severity) {
        return change.finding(info(), event, deploys, severity);
    }
}
