package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The optional alert channels, all turned on ({@link Synthesized#CONFIGURED_CONTEXT}): the Slack notifier reads one
 * secret and nothing else, hears only the chosen severities, and keeps what it could not post; the Chatbot channel is
 * read-only; Security Hub imports are scoped to the account's own product. The plain stack has none of them.
 */
final class AlertChannelsStackTest {
    private final Synthesized synthesized = Synthesized.configured();
    private final Template template = synthesized.template();

    private String slackFunction() {
        return synthesized.onlyLogicalId("AWS::Lambda::Function", "FunctionName", "wp-test-slack");
    }

    private String slackRole() {
        return synthesized.properties(slackFunction()).path("Role").path("Fn::GetAtt").get(0).asText();
    }

    private Set<String> actionsOf(String role) {
        Set<String> actions = new TreeSet<>();
        synthesized.statementsOf(role)
                .forEach(s -> Synthesized.elements(s.path("Action")).forEach(a -> actions.add(a.asText())));
        return actions;
    }

    @Test
    void runsTheSlackNotifierOnJava25WithTheSecretsArnButNotItsValue() {
        JsonNode function = synthesized.properties(slackFunction());
        assertEquals("java25", function.path("Runtime").asText());
        assertEquals("dev.watchpost.handler.SlackNotifierHandler::handleRequest", function.path("Handler").asText());
        assertEquals("PublishedVersions", function.path("SnapStart").path("ApplyOn").asText());
        assertEquals(Map.of(Settings.SLACK_SECRET_ARN, Synthesized.SLACK_SECRET),
                Synthesized.MAPPER.convertValue(function.path("Environment").path("Variables"), Map.class));
    }

    @Test
    void letsTheSlackNotifierReadOnlyItsSecret() {
        List<JsonNode> secretReads = synthesized.statementsOf(slackRole()).stream()
                .filter(s -> Synthesized.elements(s.path("Action")).stream()
                        .anyMatch(a -> a.asText().startsWith("secretsmanager:")))
                .toList();
        assertEquals(1, secretReads.size(), secretReads.toString());
        assertEquals("secretsmanager:GetSecretValue", secretReads.getFirst().path("Action").asText());
        assertEquals(Synthesized.SLACK_SECRET, secretReads.getFirst().path("Resource").asText());
        Set<String> others = actionsOf(slackRole());
        others.removeIf(a -> a.equals("secretsmanager:GetSecretValue") || a.startsWith("logs:")
                || a.equals("sqs:SendMessage") || a.startsWith("xray:"));
        assertEquals(Set.of(), others, "the notifier calls no other AWS API");
    }

    @Test
    void noFamilyFunctionMayReadTheSlackSecret() {
        for (Family family : Family.values()) {
            assertTrue(actionsOf(synthesized.family(family).role()).stream()
                    .noneMatch(a -> a.startsWith("secretsmanager:")), family.id());
        }
    }

    @Test
    void subscribesTheNotifierToTheAlertTopic_forTheChosenSeveritiesOnly_withADeadLetterQueue() {
        String alerts = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-alerts");
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "TopicArn", Map.of("Ref", alerts),
                "FilterPolicy", Map.of("severity", List.of("HIGH", "CRITICAL")),
                "RedrivePolicy", Map.of("deadLetterTargetArn", Match.anyValue())));
    }

    @Test
    void alarmsWhenSlackPostsFailAreThrottledOrPileUp() {
        for (String alarm : List.of("wp-test-slack-errors", "wp-test-slack-throttles", "wp-test-slack-dead-letters")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", alarm,
                    "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        }
    }

    @Test
    void createsAReadOnlyChatbotChannelOnItsOwnTlsOnlyTopic() {
        String chatbotTopic = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-chatbot");
        assertTrue(synthesized.properties(chatbotTopic).path("KmsMasterKeyId").isMissingNode(),
                "AWS Chatbot does not deliver from encrypted topics");
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", chatbotTopic)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        template.hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Map.of(
                "SlackWorkspaceId", "T0123ABCD",
                "SlackChannelId", "C0456EFGH",
                "SnsTopicArns", List.of(Map.of("Ref", chatbotTopic), Map.of("Ref",
                        synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-operations"))),
                "GuardrailPolicies", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                        Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/CloudWatchReadOnlyAccess"))))));
        String channelRole = synthesized.properties(
                synthesized.onlyLogicalId("AWS::Chatbot::SlackChannelConfiguration")).path("IamRoleArn")
                .path("Fn::GetAtt").get(0).asText();
        assertEquals("[{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},"
                        + "\":iam::aws:policy/CloudWatchReadOnlyAccess\"]]}]",
                synthesized.properties(channelRole).path("ManagedPolicyArns").toString());
        assertTrue(synthesized.statementsOf(channelRole).isEmpty(), "no inline grant besides the read-only policy");
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void letsEveryFamilyPublishToChatbotAndImportIntoSecurityHub(Family family) {
        FamilyIds ids = synthesized.family(family);
        String chatbotTopic = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-chatbot");
        JsonNode variables = synthesized.properties(ids.function()).path("Environment").path("Variables");
        assertEquals(Synthesized.ref(chatbotTopic), variables.path(Settings.CHATBOT_TOPIC_ARN));
        assertEquals("true", variables.path(Settings.SECURITY_HUB).asText());

        List<JsonNode> statements = synthesized.statementsOf(ids.role());
        assertTrue(statements.stream().anyMatch(s -> s.path("Action").asText().equals("sns:Publish")
                && s.path("Resource").equals(Synthesized.ref(chatbotTopic))), statements.toString());
        JsonNode securityHub = statements.stream()
                .filter(s -> s.path("Action").asText().equals("securityhub:BatchImportFindings"))
                .findFirst().orElseThrow();
        assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of("arn:",
                Map.of("Ref", "AWS::Partition"), ":securityhub:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":product/", Map.of("Ref", "AWS::AccountId"), "/default")))),
                securityHub.path("Resource"));
    }

    @Test
    void thePlainStackHasNoOptionalChannel() {
        Template plain = Synthesized.defaults().template();
        plain.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
        plain.resourceCountIs("AWS::SNS::Subscription", 0);
        assertTrue(Synthesized.defaults().json().toString().indexOf("securityhub") < 0);
        assertTrue(Synthesized.defaults().json().toString().indexOf("secretsmanager") < 0);
    }
}
