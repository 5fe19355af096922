package dev.watchpost.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes each alert once to the Watchpost topic. Formatting is {@link SnsMessage}'s; this class only sends. Any
 * failure after the SDK's own retries becomes {@link AlertDeliveryException}. Thread-safe (the SNS client is).
 *
 * @param sns      the client to publish with
 * @param topicArn the Watchpost topic
 */
public record SnsAlertSink(SnsClient sns, String topicArn) implements AlertSink {
    @Override
    public void send(Alert alert) {
        SnsMessage message = SnsMessage.of(alert);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value.isEmpty() ? "unknown" : value)
                        .build()));
        try {
            sns.publish(r -> r.topicArn(topicArn)
                    .subject(message.subject())
                    .messageStructure("json")
                    .message(message.message())
                    .messageAttributes(attributes));
        } catch (SdkException e) {
            throw new AlertDeliveryException("could not publish " + alert.finding().dedupKey() + " to " + topicArn
                    + ": " + e.getMessage(), e);
        }
    }
}
