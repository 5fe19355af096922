package dev.watchpost.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.IConstruct;

/**
 * The written reasons for the cdk-nag AWS Solutions findings Watchpost accepts, each narrowed to the exact action or
 * resource it covers ({@code appliesTo}), so a new wildcard elsewhere still fails synthesis. Kept apart from the
 * constructs so every accepted risk can be reviewed in one place. Stateless.
 */
final class NagReasons {
    static final String IAM_WILDCARD = "AwsSolutions-IAM5";
    static final String QUEUE_WITHOUT_DLQ = "AwsSolutions-SQS3";

    private static final String TRACING_REASON = "xray:PutTraceSegments and xray:PutTelemetryRecords only accept "
            + "Resource \"*\"; they are granted because tracing was turned on with -c tracing=true";

    private NagReasons() {}

    /** The findings on a family function's role and dead-letter queue that {@link FamilyFunction} accepts. */
    static void suppressForFamilyFunction(Role role, Queue deadLetters, RemediationGrants grants, boolean tracing,
                                          boolean everyRegion) {
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
            anyResource.add(TRACING_REASON);
        }
        if (!anyResource.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, String.join("; ", anyResource), List.of("Resource::*")));
        }
        SortedSet<String> patterns = everyRegion ? grants.wildcardPatternsInEveryRegionAsNagPrintsThem()
                : grants.wildcardPatternsAsNagPrintsThem();
        if (!patterns.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, "the resource that " + String.join(", ",
                    grants.patternScopedActions()) + " changes is the one a finding names, known only when the event "
                    + "arrives; the grant is limited to the resource type its remediation declares, in this account "
                    + (everyRegion ? "(in every region: an organization's central account forwards its other "
                    + "regions' events to this one)" : "and region") + anyOwner(patterns),
                    patterns.stream().map(pattern -> "Resource::" + pattern).toList()));
        }
        onRole.add(suppression(IAM_WILDCARD, "added by topic.grantPublish: publishing to the KMS-encrypted alert "
                + "topic needs kms:GenerateDataKey* (with kms:Decrypt), and it is granted on that topic's key only",
                List.of("Action::kms:GenerateDataKey*")));
        // applyToChildren: the statements live in the role's DefaultPolicy child.
        NagSuppressions.addResourceSuppressions(role, onRole, true);

        suppressForDeadLetterQueue(deadLetters, "the " + family + " rule target and function");
    }

    /** The read-only describe calls of a family's sweep, which IAM scopes to no resource. */
    static void suppressForSweepReads(Role role, List<String> readActions) {
        NagSuppressions.addResourceSuppressions(role, List.of(suppression(IAM_WILDCARD, "the sweep reads current "
                + "state with " + String.join(", ", readActions) + ": read-only calls that list every resource of "
                + "the account and region or read an account setting, which IAM supports on Resource \"*\" only, "
                + "or read the entries of the prefix lists that rules reference, which can be any account's or AWS's "
                + "in any region swept, so \"*\" names no more than prefix-list/* would; exactly the calls the "
                + "family's sweep declares", List.of("Resource::*"))), true);
    }

    /** Why a pattern names any account: a prefix list whose entries are read can be shared or owned by AWS. */
    private static String anyOwner(SortedSet<String> patterns) {
        return patterns.stream().anyMatch(pattern -> pattern.endsWith(":*:prefix-list/*"))
                ? "; prefix-list/* names any owner, since a referenced list whose entries are read (never changed) "
                + "can be shared from another account or owned by AWS" : "";
    }

    /** A central family role may assume its family's member role in any account of the organization. */
    static void suppressForMemberRoleAssumption(Role role, String memberRolesAsNagPrintsThem) {
        NagSuppressions.addResourceSuppressions(role, List.of(suppression(IAM_WILDCARD, "the account of a member "
                + "role is the account the event came from, known only when it arrives; the grant names the one role "
                + "of this family at its exact path and name, and aws:ResourceOrgID limits it to the organization's "
                + "accounts", List.of("Resource::" + memberRolesAsNagPrintsThem))), true);
    }

    /** A central family role may ask AWS Organizations for the parents of an account or OU. */
    static void suppressForOuLookup(Role role) {
        NagSuppressions.addResourceSuppressions(role, List.of(suppression(IAM_WILDCARD, "organizations:ListParents "
                + "(read-only: the id and type of an account's or OU's parent) is asked about the account an event "
                + "came from, known only when it arrives, and about the OUs above it; it is granted alone, on "
                + "Resource \"*\", in organization mode only, where the runtime settings may be scoped by OU",
                List.of("Resource::*"))), true);
    }

    /**
     * A member role holds its family's remediation actions, as the central function role does, in every region of
     * its account (one stack creates it for the whole account).
     */
    static void suppressForMemberRole(Role role, RemediationGrants grants) {
        List<NagPackSuppression> onRole = new ArrayList<>();
        SortedSet<String> unscoped = grants.unscopedActions();
        if (!unscoped.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, "IAM supports no resource-level permission for "
                    + String.join(", ", unscoped) + " (describe calls and account-wide settings, declared by the "
                    + grants.family().id() + " remediations), so Resource \"*\" is the only choice; only these "
                    + "declared actions are allowed on it", List.of("Resource::*")));
        }
        SortedSet<String> patterns = grants.wildcardPatternsInEveryRegionAsNagPrintsThem();
        if (!patterns.isEmpty()) {
            onRole.add(suppression(IAM_WILDCARD, "the resource that " + String.join(", ",
                    grants.patternScopedActions()) + " changes is the one a finding names, in whichever region the "
                    + "event came from; the grant is limited to the resource type its remediation declares, in this "
                    + "account" + anyOwner(patterns), patterns.stream().map(pattern -> "Resource::" + pattern).toList()));
        }
        if (!onRole.isEmpty()) {
            NagSuppressions.addResourceSuppressions(role, onRole, true);
        }
    }

    /** The member-roles StackSet's instances, listed by the sweeps: the name is exact, its id suffix generated. */
    static void suppressForStackSetListing(Role role, String stackSetAsNagPrintsIt) {
        NagSuppressions.addResourceSuppressions(role, List.of(suppression(IAM_WILDCARD,
                "cloudformation:ListStackInstances is granted on the one member-roles StackSet, named exactly, in the "
                        + "management account and home region; the wildcard stands for the StackSet id suffix "
                        + "CloudFormation generates at creation, which the stack cannot know",
                List.of("Resource::" + stackSetAsNagPrintsIt))), true);
    }

    /** X-Ray's actions, granted on a role only when tracing was asked for. */
    static void suppressForTracing(Role role) {
        NagSuppressions.addResourceSuppressions(role, List.of(suppression(IAM_WILDCARD, TRACING_REASON,
                List.of("Resource::*"))), true);
    }

    /** A dead-letter queue has no dead-letter queue of its own; its depth alarms instead. */
    static void suppressForDeadLetterQueue(Queue deadLetters, String owner) {
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(suppression(QUEUE_WITHOUT_DLQ,
                "this queue is itself the dead-letter queue (and on-failure destination) of " + owner
                        + "; its depth raises a dead-letters alarm", List.of())));
    }

    /** The operations topic has no server-side encryption, so that no key can silence the alarms (see there). */
    static void suppressForOperationsTopic(IConstruct operationsTopic) {
        NagSuppressions.addResourceSuppressions(operationsTopic, List.of(suppression("AwsSolutions-SNS2",
                "the alarms' topic is deliberately not encrypted: with a customer-managed key, disabling that key "
                        + "would silence every alarm unseen (the failure the topic exists to report), CloudWatch "
                        + "cannot publish to a topic under the AWS-managed alias/aws/sns, and AWS Chatbot does not "
                        + "deliver from encrypted topics; alarm notifications carry alarm and metric names, "
                        + "thresholds and Watchpost's own resource names, never a finding, and the topic policy "
                        + "refuses plain HTTP and lets only this account's Watchpost alarms publish",
                List.of())));
    }

    /** The AWS Chatbot channel's role: AWS's own read-only CloudWatch policy, which Chatbot documents. */
    static void suppressForChatbot(IConstruct channelRole, IConstruct chatbotTopic) {
        NagSuppressions.addResourceSuppressions(chatbotTopic, List.of(suppression("AwsSolutions-SNS2",
                "AWS Chatbot does not deliver notifications from SNS topics with server-side encryption; the topic "
                        + "carries exactly what is posted in the Slack channel, and its policy refuses plain HTTP",
                List.of())));
        NagSuppressions.addResourceSuppressions(channelRole, List.of(suppression("AwsSolutions-IAM4",
                "CloudWatchReadOnlyAccess is AWS's maintained read-only policy for what AWS Chatbot shows in a "
                        + "channel (alarm graphs, logs); it grants no write action, and it is also the channel's "
                        + "guardrail, so no chat command can do more",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchReadOnlyAccess"))), true);
    }

    private static NagPackSuppression suppression(String id, String reason, List<String> appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (!appliesTo.isEmpty()) {
            builder.appliesTo(List.copyOf(appliesTo));
        }
        return builder.build();
    }
}
