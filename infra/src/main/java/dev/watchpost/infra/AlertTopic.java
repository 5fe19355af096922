package dev.watchpost.infra;

import dev.watchpost.detect.audit.WatchpostResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The SNS topic every alert goes to, encrypted with its own rotating KMS key because alerts name resources, principals
 * and source IPs. TLS is enforced by the topic policy; publishers need an identity policy, granted with
 * {@link #grantPublish}. No alarm notifies this topic: alarms go to the {@link OperationsTopic}, so that disabling this
 * key, which stops every alert, is itself reported there. The key has the alias {@code alias/<prefix>-alerts}; the
 * functions are told its ARN, so that {@code audit.alert-key-tampered} recognises calls on it.
 */
public final class AlertTopic extends Construct {
    private final Key key;
    private final Topic topic;

    /**
     * @param namePrefix the deployment's prefix: the topic is {@link #topicName named} after it
     * @param email      an address to subscribe (it must confirm the subscription), or none
     */
    public AlertTopic(Construct scope, String id, String namePrefix, Optional<String> email) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts Watchpost alerts at rest (SNS topic " + namePrefix + ")")
                .alias(WatchpostResources.alertKeyAlias(namePrefix))
                .enableKeyRotation(true)
                .build();
        this.topic = Topics.named(this, "Topic", topicName(namePrefix), "Watchpost alerts")
                .masterKey(key)
                .build();

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
}
