package dev.watchpost.infra;

import java.util.List;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Alerts in Slack through AWS Chatbot (Amazon Q Developer in chat applications): a topic of its own, which the family
 * functions publish Chatbot custom notifications to, and the Slack channel configuration subscribed to it and to the
 * {@link OperationsTopic}, whose CloudWatch alarm notifications Chatbot renders natively. Unlike the
 * alert topic this one is not KMS-encrypted: Chatbot documents that it does not deliver from topics with server-side
 * encryption, and what flows through it is exactly what is posted in the channel. It still refuses plain HTTP. The channel's role and guardrail are read-only, so nothing typed in the channel can
 * change the account. The Slack workspace must already be authorised in the Chatbot console.
 */
public final class ChatbotChannel extends Construct {
    private static final String READ_ONLY_POLICY = "CloudWatchReadOnlyAccess";

    private final Topic topic;

    public ChatbotChannel(Construct scope, String id, String namePrefix, AlertChannels.ChatbotTarget target,
                          OperationsTopic operations) {
        super(scope, id);
        this.topic = Topics.named(this, "Topic", topicName(namePrefix), "Watchpost alerts for AWS Chatbot").build();
        IManagedPolicy readOnly = ManagedPolicy.fromAwsManagedPolicyName(READ_ONLY_POLICY);
        Role role = Role.Builder.create(this, "ChannelRole")
                .assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
                .description("AWS Chatbot channel for Watchpost alerts: read-only")
                .managedPolicies(List.of(readOnly))
                .build();
        SlackChannelConfiguration.Builder.create(this, "Channel")
                .slackChannelConfigurationName(namePrefix + "-alerts")
                .slackWorkspaceId(target.workspaceId())
                .slackChannelId(target.channelId())
                .notificationTopics(List.of(topic, operations.topic()))
                .role(role)
                .guardrailPolicies(List.of(readOnly))
                .loggingLevel(LoggingLevel.ERROR)
                .build();
        NagReasons.suppressForChatbot(role, topic);
    }

    /** {@code <prefix>-chatbot}. */
    public static String topicName(String namePrefix) {
        return namePrefix + "-chatbot";
    }

    public Topic topic() {
        return topic;
    }

    /** Lets a family function publish notifications: sns:Publish on this topic only. */
    public void grantPublish(IGrantable grantee) {
        topic.grantPublish(grantee);
    }
}
