package dev.watchpost.cli;

import dev.watchpost.alert.AlertSink;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the scan's pipeline as {@code Wiring} builds a Lambda's, but with every family's detections, a remediator
 * that only plans, and a loop guard that also knows the roles of a deployment with the given prefix. Stateless.
 */
final class OfflinePipeline {
    private OfflinePipeline() {}

    /**
     * @param settings    parsed from the environment and checked with {@code Wiring.checkModes}
     * @param extraRoles  role ARNs from the command line, added to the configured ones
     * @param namePrefix  the deployment's name prefix
     * @param sink        where findings go
     */
    static Pipeline create(Settings settings, Set<String> extraRoles, String namePrefix, AlertSink sink) {
        Clock clock = Clock.systemUTC();
        Detections detections = Detections.defaults(settings.detection());
        Remediator remediator = Remediator.planOnly(Remediations.forDetections(detections.ids(),
                settings.exemptTagKey(), clock), settings.remediationModes());
        Set<String> ownRoles = new LinkedHashSet<>(settings.ownRoleArns());
        ownRoles.addAll(extraRoles);
        return new Pipeline(detections, remediator, List.of(sink), LoopGuard.derivingFromPrefix(ownRoles, namePrefix),
                clock);
    }
}
