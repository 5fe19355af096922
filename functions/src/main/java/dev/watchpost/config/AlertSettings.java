package dev.watchpost.config;

/**
 * Where alerts go besides the main SNS topic; every channel is off unless configured. Immutable.
 *
 * @param securityHub     import findings into Security Hub ({@value Settings#SECURITY_HUB})
 * @param chatbotTopicArn SNS topic an AWS Chatbot channel subscribes to, or "" ({@value Settings#CHATBOT_TOPIC_ARN})
 * @param slackSecretArn  Secrets Manager secret holding the Slack webhook URL, or ""
 *                        ({@value Settings#SLACK_SECRET_ARN}); only the Slack notifier reads it
 */
public record AlertSettings(boolean securityHub, String chatbotTopicArn, String slackSecretArn) {
    /** Only the main topic. */
    public static final AlertSettings NONE = new AlertSettings(false, "", "");
}
