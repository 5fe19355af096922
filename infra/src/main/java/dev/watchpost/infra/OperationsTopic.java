package dev.watchpost.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The SNS topic every Watchpost alarm notifies ({@code <prefix>-operations}), apart from the alert topic so that one
 * call on the alert topic's key ({@code kms:DisableKey}, {@code ScheduleKeyDeletion}, {@code PutKeyPolicy}) cannot
 * silence the alarms that report it: a publish refused by the disabled key fails the invocation and counts
 * {@code AlertFailures}, whose alarm arrives here. The topic has no server-side encryption, on purpose: a topic with
 * a customer-managed key would bring back the same single switch (its own key), CloudWatch cannot publish to a topic
 * encrypted with the AWS-managed {@code alias/aws/sns} (its key policy cannot grant {@code cloudwatch.amazonaws.com}),
 * and AWS Chatbot does not deliver from encrypted topics. Alarm notifications hold alarm names, metric names, our own
 * resource names and thresholds, never a finding. The topic policy refuses plain HTTP and lets only this account's
 * alarms named {@code <prefix>-…} publish. Stateless after construction.
 */
public final class OperationsTopic extends Construct {
    private final Topic topic;

    /**
     * @param namePrefix the deployment's prefix: the topic is {@link #topicName named} after it, and alarms named
     *                   {@code <namePrefix>-…} may notify it
     * @param email      an address to subscribe (the same one alerts go to), or none
     */
    public OperationsTopic(Construct scope, String id, String namePrefix, Optional<String> email) {
        super(scope, id);
        // Not "Topic": a Lambda subscription is named after its topic's id, and the Slack notifier's alias holds one
        // for the alert topic already.
        this.topic = Topics.named(this, "Alarms", topicName(namePrefix), "Watchpost alarms").build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowWatchpostAlarmsToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(alarmCondition(Stack.of(this), namePrefix))
                .build());
        email.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        NagReasons.suppressForOperationsTopic(topic);
    }

    /**
     * {@code <namePrefix>-operations}: a fixed name under the prefix, so that {@code audit.detector-tampered}
     * recognises calls on it and subscribers can find it.
     */
    public static String topicName(String namePrefix) {
        return namePrefix + "-operations";
    }

    public Topic topic() {
        return topic;
    }

    /** An alarm (or OK) action that notifies this topic. */
    public SnsAction alarmAction() {
        return new SnsAction(topic);
    }

    /** The ARN pattern of the alarms allowed to notify: this account and region, names starting with the prefix. */
    static String alarmArnPattern(Stack stack, String namePrefix) {
        return stack.formatArn(ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(namePrefix + "-*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    private static Map<String, Object> alarmCondition(Stack stack, String namePrefix) {
        return Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", alarmArnPattern(stack, namePrefix)));
    }
}
