package dev.watchpost.infra;

import dev.watchpost.detect.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The optional places alerts go besides the topic, read from CDK context and checked before any construct exists:
 * a Slack incoming webhook (its URL kept in Secrets Manager; only the secret's ARN is configuration), an AWS Chatbot
 * Slack channel, and Security Hub. Immutable.
 *
 * @param slackWebhookSecretArn the Secrets Manager secret holding the webhook URL ({@value #SLACK_WEBHOOK_SECRET_ARN})
 * @param slackMinSeverity      the lowest severity posted to Slack ({@value #SLACK_MIN_SEVERITY}, default LOW)
 * @param chatbot               the Chatbot Slack workspace and channel ({@value #CHATBOT_SLACK_WORKSPACE_ID},
 *                              {@value #CHATBOT_SLACK_CHANNEL_ID}), both or neither
 * @param securityHub           whether findings are also imported into Security Hub ({@value #SECURITY_HUB})
 */
public record AlertChannels(Optional<String> slackWebhookSecretArn, Severity slackMinSeverity,
                            Optional<ChatbotTarget> chatbot, boolean securityHub) {
    public static final String SLACK_WEBHOOK_SECRET_ARN = "slackWebhookSecretArn";
    public static final String SLACK_MIN_SEVERITY = "slackMinSeverity";
    public static final String CHATBOT_SLACK_WORKSPACE_ID = "chatbotSlackWorkspaceId";
    public static final String CHATBOT_SLACK_CHANNEL_ID = "chatbotSlackChannelId";
    public static final String SECURITY_HUB = "securityHub";

    /** A complete secret ARN (with the random suffix), so IAM can grant on exactly it. */
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}");
    private static final Pattern WORKSPACE_ID = Pattern.compile("T[A-Z0-9]{4,20}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{4,20}");

    /** The Slack workspace (team) and channel AWS Chatbot posts to. */
    public record ChatbotTarget(String workspaceId, String channelId) {
        public ChatbotTarget {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(channelId, "channelId");
        }
    }

    public AlertChannels {
        Objects.requireNonNull(slackWebhookSecretArn, "slackWebhookSecretArn");
        Objects.requireNonNull(slackMinSeverity, "slackMinSeverity");
        Objects.requireNonNull(chatbot, "chatbot");
    }

    /** No channel besides the topic. */
    public static AlertChannels none() {
        return new AlertChannels(Optional.empty(), Severity.LOW, Optional.empty(), false);
    }

    /**
     * Reads the keys from {@code context} (as text: {@link DeploySettings} normalises numbers and lists).
     *
     * @throws IllegalArgumentException an unusable value, naming the context key; a value that may be a secret (a
     *                                  pasted webhook URL) is never repeated in the message
     */
    static AlertChannels fromContext(Function<String, Optional<String>> context) {
        Optional<String> secret = context.apply(SLACK_WEBHOOK_SECRET_ARN);
        secret.filter(arn -> !SECRET_ARN.matcher(arn).matches()).ifPresent(arn -> {
            throw new IllegalArgumentException("context " + SLACK_WEBHOOK_SECRET_ARN + " is invalid (value not shown: "
                    + "it may be the webhook URL, which is a secret): expected the complete ARN of the Secrets Manager "
                    + "secret that holds the webhook URL, e.g. "
                    + "arn:aws:secretsmanager:us-east-1:123456789012:secret:watchpost/slack-AbCdEf");
        });
        Severity minimum = context.apply(SLACK_MIN_SEVERITY).map(AlertChannels::severity).orElse(Severity.LOW);
        Optional<String> workspace = context.apply(CHATBOT_SLACK_WORKSPACE_ID);
        Optional<String> channel = context.apply(CHATBOT_SLACK_CHANNEL_ID);
        workspace.filter(id -> !WORKSPACE_ID.matcher(id).matches()).ifPresent(id -> {
            throw new IllegalArgumentException("context " + CHATBOT_SLACK_WORKSPACE_ID + "=\"" + id
                    + "\" is invalid: expected a Slack workspace id such as T0123ABCD (AWS Chatbot console, "
                    + "Configured clients)");
        });
        channel.filter(id -> !CHANNEL_ID.matcher(id).matches()).ifPresent(id -> {
            throw new IllegalArgumentException("context " + CHATBOT_SLACK_CHANNEL_ID + "=\"" + id
                    + "\" is invalid: expected a Slack channel id such as C0123ABCD (channel details in Slack)");
        });
        if (workspace.isPresent() != channel.isPresent()) {
            throw new IllegalArgumentException("context " + (workspace.isPresent() ? CHATBOT_SLACK_CHANNEL_ID
                    : CHATBOT_SLACK_WORKSPACE_ID) + " is missing: AWS Chatbot needs both "
                    + CHATBOT_SLACK_WORKSPACE_ID + " and " + CHATBOT_SLACK_CHANNEL_ID);
        }
        Optional<ChatbotTarget> chatbot = workspace.map(id -> new ChatbotTarget(id, channel.orElseThrow()));
        boolean securityHub = DeploySettings.flag(SECURITY_HUB, context.apply(SECURITY_HUB));
        return new AlertChannels(secret, minimum, chatbot, securityHub);
    }

    /** The severities at or above {@link #slackMinSeverity}, as the Slack subscription's filter lists them. */
    public List<String> slackSeverities() {
        return Arrays.stream(Severity.values()).filter(s -> s.compareTo(slackMinSeverity) >= 0)
                .map(Severity::name).toList();
    }

    private static Severity severity(String value) {
        try {
            return Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context " + SLACK_MIN_SEVERITY + "=\"" + value + "\" is invalid: "
                    + "expected one of " + Arrays.stream(Severity.values()).map(Severity::name)
                    .collect(Collectors.joining(", ")), e);
        }
    }
}
