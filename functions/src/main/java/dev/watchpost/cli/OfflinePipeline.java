package dev.watchpost.cli;

import dev.watchpost.alert.AlertSink;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.handler.LoopGuard;
import dev.watchpost.handler.Pipeline;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the pipeline the scanner runs, the way {@code Wiring} builds a Lambda's, with two differences: every
 * family's detections at once, and a remediator that has no clients and may not apply (ENFORCE becomes a plan). The loop guard also recognises the roles a deployment with the given name prefix would have, since
 * the scanner has no deployment to ask. Stateless.
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
