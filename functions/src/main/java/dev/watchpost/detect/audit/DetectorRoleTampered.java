package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * Someone changed the permissions, trust or existence of one of Watchpost's IAM roles: the function roles
 * ({@code <prefix>-<family>-<region>}, {@code <prefix>-slack-<region>}) and, in an organization, the member roles
 * ({@code <prefix>-member-<family>}) and the forwarder role ({@code <prefix>-forwarder}), all named {@code <prefix>-…}
 * ({@link WatchpostResources}).
 *
 * <p>Why it matters: a function whose role loses {@code sns:Publish} or {@code kms:GenerateDataKey} cannot alert; a
 * forwarder role that loses {@code events:PutEvents} stops a whole account's events; a role given more permissions or
 * a wider trust becomes a way in with Watchpost's remediation rights. CRITICAL; LOW when
 * CloudFormation or StackSets made the call while deploying Watchpost ({@link WatchpostDeploy}).
 *
 * <p>Coverage: IAM is a global service whose CloudTrail events are delivered to EventBridge in us-east-1 only. A
 * single-account deployment sees them only if Watchpost is deployed in us-east-1 too; an organization deployment sees
 * every account's when us-east-1 is among its regions (the forwarder there carries the audit pattern, and the central
 * stack's own rules see them when its home region is us-east-1). Roles are named in requests without their path, so
 * the path {@code /<prefix>/} of the member roles is not compared. Known false positives: a role of someone else's
 * named {@code <prefix>-…}.
 */
public final class DetectorRoleTampered extends OwnResourceDetection {
    public static final String ID = "audit.detector-role-tampered";

    public DetectorRoleTampered(DetectionParameters parameters) {
        super(ID, parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String role = Json.text(event.requestParameters(), "roleName");
        if (!watches(event) || !own.isNamed(role)) {
            return List.of();
        }
        return finding(new OwnResourceChange("AWS::IAM::Role", "role", role, event.eventName()), event,
                Severity.CRITICAL);
    }
}
