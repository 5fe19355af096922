package dev.watchpost.alert;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes each alert as an AWS Chatbot custom notification ({@link ChatbotNotification}) to the topic the Chatbot
 * channel configuration subscribes to. Chatbot ignores messages that are not in its format, so this is a separate
 * topic from the main alert topic. Thread-safe (the SNS client is).
 *
 * @param sns      the client to publish with
 * @param topicArn the topic the Chatbot channel configuration subscribes to
 */
public record ChatbotSink(SnsClient sns, String topicArn) implements AlertSink {
    @Override
    public void send(Alert alert) {
        AlertFacts facts = AlertFacts.of(alert);
        String message = ChatbotNotification.json(facts);
        try {
            sns.publish(request -> request.topicArn(topicArn).message(message));
        } catch (SdkException e) {
            throw new AlertDeliveryException("could not publish " + facts.dedupKey() + " to the Chatbot topic "
                    + topicArn + ": " + e.getMessage(), e);
        }
    }
}
