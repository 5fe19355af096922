package dev.watchpost.infra;

import dev.watchpost.detect.audit.WatchpostResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The SNS topic every alert goes to, encrypted with its own rotating KMS key because alerts name resources, principals
 * and source IPs. TLS is enforced by the topic policy. CloudWatch alarms whose names start with the deployment's
 * prefix may publish (and use the key, without which an alarm on an encrypted topic is silently dropped); everything
 * else needs an identity policy, granted with {@link #grantPublish}. The key has the alias
 * {@code alias/<prefix>-alerts}; the functions are told its ARN, so that {@code audit.alert-key-tampered} recognises
 * calls on it.
 */
public final class AlertTopic extends Construct {
    private final Key key;
    private final Topic topic;

    /**
     * @param namePrefix the deployment's prefix: the topic is {@link #topicName named} after it, and alarms named
     *                   {@code <namePrefix>-…} may notify it
     * @param email      an address to subscribe (it must confirm the subscription), or none
     */
    public AlertTopic(Construct scope, String id, String namePrefix, Optional<String> email) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts Watchpost alerts at rest (SNS topic " + namePrefix + ")")
                .alias(WatchpostResources.alertKeyAlias(namePrefix))
                .enableKeyRotation(true)
                .build();
        this.topic = Topic.Builder.create(this, "Topic")
                .topicName(topicName(namePrefix))
                .displayName("Watchpost alerts")
                .masterKey(key)
                .enforceSsl(true)
                .build();

        Map<String, Object> fromOwnAlarms = alarmCondition(Stack.of(this), namePrefix);
        ServicePrincipal cloudWatch = new ServicePrincipal("cloudwatch.amazonaws.com");
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowWatchpostAlarmsToUseTheKey")
                .effect(Effect.ALLOW)
                .principals(List.of(cloudWatch))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(fromOwnAlarms)
                .build());
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowWatchpostAlarmsToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(cloudWatch))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(fromOwnAlarms)
                .build());

        email.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
    }

    /**
     * {@code <namePrefix>-alerts}: a fixed name, so that {@code audit.detector-tampered} recognises calls on the topic
     * and subscribers can find it.
     */
    public static String topicName(String namePrefix) {
        return namePrefix + "-alerts";
    }

    public Topic topic() {
        return topic;
    }

    public Key key() {
        return key;
    }

    /** sns:Publish on this topic only, plus the kms:Decrypt and kms:GenerateDataKey* an encrypted topic needs. */
    public void grantPublish(IGrantable grantee) {
        topic.grantPublish(grantee);
    }

    /** An alarm action that notifies this topic. */
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
