package dev.watchpost.alert;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes each alert as an AWS Chatbot custom notification ({@link ChatbotNotification}) to the topic the Chatbot
 * channel configuration subscribes to. Chatbot ignores messages that are not in its format, so this is a separate
 * topic from the main alert topic. Thread-safe (the SNS client is).
 */
public final class ChatbotSink implements AlertSink {
    private final SnsClient sns;
    private final String topicArn;

    public ChatbotSink(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

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
