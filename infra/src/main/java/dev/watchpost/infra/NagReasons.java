package dev.watchpost.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The written reasons for the cdk-nag AWS Solutions findings Watchpost accepts, each narrowed to the exact action or
 * resource it covers ({@code appliesTo}), so a new wildcard elsewhere still fails synthesis. Kept apart from the
 * constructs so every accepted risk can be reviewed in one place. Stateless.
 */
final class NagReasons {
    static final String IAM_WILDCARD = "AwsSolutions-IAM5";
    static final String QUEUE_WITHOUT_DLQ = "AwsSolutions-SQS3";

    private NagReasons() {}

    /** The findings on a family function's role and dead-letter queue that {@link FamilyFunction} accepts. */
    static void suppressForFamilyFunction(Role role, Queue deadLetters, RemediationGrants grants, boolean tracing) {
        String family = grants.family().id();
        List<NagPackSuppression> onRole = new ArrayList<>();
        List<String> anyResource = new ArrayList<>();
        SortedSet<String> unscoped = grants.unscopedActions();
        if (!unscoped.isEmpty()) {
            anyResource.add("IAM supports no resource-level permission for " + String.join(", ", unscoped)
                    + " (describe calls and account-wide settings, declared by the " + family + " remediations), so "
                    + "Resource \"*\" is the only choice; only these declared actions are allowed on it");
        }
        if (tracing) {
            anyResource.add("xray:PutTraceSegments and xray:PutTelemetryRecords only accept Resource \"*\"; they "
                    + "are granted because tracing was turned on with -c tracing=true");
        }
        if (!anyResource.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, String.join("; ", anyResource), List.of("Resource::*")));
        }
        SortedSet<String> patterns = grants.wildcardPatternsAsNagPrintsThem();
        if (!patterns.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, "the resource that " + String.join(", ",
                    grants.patternScopedActions()) + " changes is the one a finding names, known only when the event "
                    + "arrives; the grant is limited to the resource type its remediation declares, in this account "
                    + "and region",
                    patterns.stream().map(pattern -> "Resource::" + pattern).toList()));
        }
        onRole.add(suppression(IAM_WILDCARD, "added by topic.grantPublish: publishing to the KMS-encrypted alert "
                + "topic needs kms:GenerateDataKey* (with kms:Decrypt), and it is granted on that topic's key only",
                List.of("Action::kms:GenerateDataKey*")));
        // applyToChildren: the statements live in the role's DefaultPolicy child.
        NagSuppressions.addResourceSuppressions(role, onRole, true);

        NagSuppressions.addResourceSuppressions(deadLetters, List.of(suppression(QUEUE_WITHOUT_DLQ,
                "this queue is itself the dead-letter queue of the " + family + " rule target and the "
                        + "on-failure destination of its function; its depth raises the " + family
                        + " dead-letters alarm", List.of())));
    }

    private static NagPackSuppression suppression(String id, String reason, List<String> appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (!appliesTo.isEmpty()) {
            builder.appliesTo(List.copyOf(appliesTo));
        }
        return builder.build();
    }
}
