package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * Someone changed the permissions, trust or existence of one of Watchpost's IAM roles: the function roles
 * ({@code <prefix>-<family>-<region>}, {@code <prefix>-slack-<region>}) and, in an organization, the member roles
 * ({@code <prefix>-member-<family>}) and the forwarder role ({@code <prefix>-forwarder}), all named {@code <prefix>-…}
 * ({@link WatchpostResources}).
 *
 * <p>Why it matters: a function whose role loses {@code sns:Publish} or {@code kms:GenerateDataKey} cannot alert; a
 * forwarder role that loses {@code events:PutEvents} stops a whole account's events; a role given more permissions or
 * a wider trust becomes a way in with Watchpost's remediation rights (T1098.003, T1562.001). CRITICAL; LOW when
 * CloudFormation or StackSets made the call while deploying Watchpost ({@link WatchpostDeploy}).
 *
 * <p>Coverage: IAM is a global service whose CloudTrail events are delivered to EventBridge in us-east-1 only. A
 * single-account deployment sees them only if Watchpost is deployed in us-east-1 too; an organization deployment sees
 * every account's when us-east-1 is among its regions (the forwarder there carries the audit pattern, and the central
 * stack's own rules see them when its home region is us-east-1). Roles are named in requests without their path, so
 * the path {@code /<prefix>/} of the member roles is not compared. Known false positives: a role of someone else's
 * named {@code <prefix>-…}.
 *
 * <p>Triage: a deployment under way? If not, redeploy Watchpost (or its member-roles StackSet) to restore the role,
 * and treat the principal as compromised.
 */
public final class DetectorRoleTampered extends SuccessfulCallDetection {
    public static final String ID = "audit.detector-role-tampered";

    private static final Set<String> CALLS = Set.of("PutRolePolicy", "AttachRolePolicy", "DetachRolePolicy",
            "DeleteRolePolicy", "UpdateAssumeRolePolicy", "DeleteRole", "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    private final WatchpostResources own;
    private final WatchpostDeploy deploys;

    public DetectorRoleTampered(DetectionParameters parameters) {
        super(ID);
        this.own = new WatchpostResources(parameters);
        this.deploys = new WatchpostDeploy(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String role = Json.text(event.requestParameters(), "roleName");
        if (!event.eventSource().equals(AuditSources.IAM)
                || !CALLS.contains(event.eventName()) || !own.isNamed(role)) {
            return List.of();
        }
        return new OwnResourceChange("AWS::IAM::Role", "role", role, event.eventName())
                .finding(info(), event, deploys, Severity.CRITICAL);
    }
}
