package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * A call that changed one of Watchpost's own resources, and the one shape of finding every tampering detection raises
 * for it: its severity unless CloudFormation made the call while deploying Watchpost ({@link WatchpostDeploy}), then
 * LOW; a CloudFormation call as any other identity keeps its severity and says so. A sweep's synthetic event (its
 * state, not a call) is titled by that state: missing or disabled. Immutable.
 *
 * @param type the CloudFormation resource type, e.g. {@code AWS::KMS::Key}
 * @param word what people call it in a title, e.g. {@code alert key}
 * @param name the resource as the request named it
 * @param call the API call as CloudTrail names it
 */
record OwnResourceChange(String type, String word, String name, String call) {

    List<Finding> finding(DetectionInfo info, CloudTrailEvent event, WatchpostDeploy deploys, Severity severity) {
        WatchpostDeploy.Kind kind = deploys.of(event);
        boolean deploy = kind == WatchpostDeploy.Kind.WATCHPOST_DEPLOY;
        String suffix = switch (kind) {
            case NOT_CLOUDFORMATION -> "";
            case WATCHPOST_DEPLOY -> " (CloudFormation deploy)";
            case OTHER_CLOUDFORMATION -> " through CloudFormation, not by Watchpost's deploy";
        };
        return FindingBuilder.of(info, event)
                .severity(deploy ? Severity.LOW : severity)
                .title("Watchpost " + word + " " + name + (event.isSweep()
                        ? (call.startsWith("Delete") ? " is missing" : " is disabled")
                        : " changed by " + call + suffix))
                .resource(type, name)
                .context("resource", name)
                .context("call", call)
                .context("deployment", WatchpostDeploy.describe(kind, event))
                .buildList();
    }
}
