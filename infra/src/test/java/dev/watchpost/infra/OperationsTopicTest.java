package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/**
 * Alarms reach people through a path that no key can close: every alarm of every stack notifies the unencrypted,
 * TLS-only operations topic on ALARM and on OK, and nothing else; the operations topic reaches the same channels as
 * findings (e-mail, the Slack notifier unfiltered, the AWS Chatbot channel); and the alarm that reports a disabled
 * alert key ({@code AlertFailures}) is one of them.
 */
final class OperationsTopicTest {

    static Stream<Arguments> stacks() {
        return Stream.of(
                Arguments.of("plain", Synthesized.defaults().json(), "watchpost"),
                Arguments.of("configured", Synthesized.configured().json(), "wp-test"),
                Arguments.of("organization central", OrganizationSynthesized.json(
                        OrganizationSynthesized.get().central()), OrganizationSynthesized.PREFIX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyAlarmNotifiesTheOperationsTopicAlone_onAlarmAndOnOk(String stack, JsonNode json, String prefix) {
        String operations = logicalId(json, "AWS::SNS::Topic", prefix + "-operations");
        List<JsonNode> alarms = resources(json, "AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        JsonNode expected = Synthesized.MAPPER.valueToTree(List.of(Map.of("Ref", operations)));
        for (JsonNode alarm : alarms) {
            JsonNode properties = alarm.path("Properties");
            String name = properties.path("AlarmName").asText();
            assertTrue(name.startsWith(prefix + "-"), name + ": the topic policy admits only the prefix's alarms");
            assertEquals(expected, properties.path("AlarmActions"), name);
            assertEquals(expected, properties.path("OKActions"), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void aDisabledAlertKeyLeavesEveryAlarmItsPath_noActionNeedsTheAlertTopicOrAnyKey(String stack, JsonNode json,
                                                                                   String prefix) {
        String alerts = logicalId(json, "AWS::SNS::Topic", prefix + "-alerts");
        String operations = logicalId(json, "AWS::SNS::Topic", prefix + "-operations");
        assertTrue(json.path("Resources").path(alerts).path("Properties").has("KmsMasterKeyId"),
                "the alert topic is encrypted: its key is what may be disabled");
        assertTrue(json.path("Resources").path(operations).path("Properties").path("KmsMasterKeyId")
                .isMissingNode(), "the operations topic depends on no key");
        for (JsonNode alarm : resources(json, "AWS::CloudWatch::Alarm")) {
            String actions = alarm.path("Properties").path("AlarmActions").toString()
                    + alarm.path("Properties").path("OKActions").toString();
            assertFalse(actions.contains("\"" + alerts + "\""), alarm.path("Properties").path("AlarmName").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void reportsAnAlertThatCouldNotBePublished_onTheOperationsTopic(Family family) {
        JsonNode json = Synthesized.defaults().json();
        String operations = logicalId(json, "AWS::SNS::Topic", "watchpost-operations");
        JsonNode alarm = resources(json, "AWS::CloudWatch::Alarm").stream()
                .map(resource -> resource.path("Properties"))
                .filter(p -> p.path("AlarmName").asText().equals("watchpost-" + family.id() + "-alert-failures"))
                .findFirst().orElseThrow();
        assertEquals("AlertFailures", alarm.path("MetricName").asText());
        assertEquals(Synthesized.ref(operations), alarm.path("AlarmActions").path(0));
        assertTrue(alarm.path("AlarmDescription").asText().contains("alert-topic key"),
                "the description names the disabled key as a cause");
    }

    @Test
    void isNamedUnderThePrefix_refusesPlainHttp_andAdmitsOnlyThisAccountsWatchpostAlarms() {
        Synthesized synthesized = Synthesized.defaults();
        String topic = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-operations");
        synthesized.template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", topic)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Effect", "Deny",
                                "Action", "sns:Publish",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                                "Action", "sns:Publish",
                                "Resource", Map.of("Ref", topic),
                                "Condition", Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                                        "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("", List.of(
                                                "arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:",
                                                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                                                ":alarm:watchpost-*"))))))))))));
    }

    @Test
    void reachesTheAlertEmail_theSlackNotifierUnfiltered_andTheChatbotChannel() {
        Synthesized synthesized = Synthesized.configured();
        String topic = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-operations");
        synthesized.template().hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", "secops@example.com",
                "TopicArn", Map.of("Ref", topic)));
        List<JsonNode> toSlack = resources(synthesized.json(), "AWS::SNS::Subscription").stream()
                .map(subscription -> subscription.path("Properties"))
                .filter(p -> p.path("TopicArn").equals(Synthesized.ref(topic)) && p.path("Protocol").asText()
                        .equals("lambda"))
                .toList();
        assertEquals(1, toSlack.size(), toSlack.toString());
        assertTrue(toSlack.getFirst().path("FilterPolicy").isMissingNode(), "every alarm is posted");
        assertTrue(toSlack.getFirst().path("RedrivePolicy").has("deadLetterTargetArn"));
        String slackAlias = synthesized.onlyLogicalId("AWS::Lambda::Alias", "FunctionName",
                Synthesized.ref(synthesized.onlyLogicalId("AWS::Lambda::Function", "FunctionName", "wp-test-slack")));
        assertEquals(Synthesized.ref(slackAlias), toSlack.getFirst().path("Endpoint"));
        synthesized.template().hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Map.of(
                "SnsTopicArns", Match.arrayWith(List.of(Map.of("Ref", topic)))));
    }

    private static List<JsonNode> resources(JsonNode json, String type) {
        List<JsonNode> found = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }

    private static String logicalId(JsonNode json, String type, String topicName) {
        List<String> ids = new ArrayList<>();
        json.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)
                    && entry.getValue().path("Properties").path("TopicName").asText().equals(topicName)) {
                ids.add(entry.getKey());
            }
        });
        assertEquals(1, ids.size(), () -> type + " " + topicName + ": " + ids);
        return ids.getFirst();
    }
}
