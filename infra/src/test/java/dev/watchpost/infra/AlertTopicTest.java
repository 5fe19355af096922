package dev.watchpost.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The alert topic as a plain {@code cdk synth} deploys it: encrypted, TLS only, open to its own alarms only. */
final class AlertTopicTest {
    private static Template template;
    private static String keyId;
    private static String topicId;

    @BeforeAll
    static void synthesize() {
        Synthesized synthesized = Synthesized.defaults();
        template = synthesized.template();
        keyId = synthesized.onlyLogicalId("AWS::KMS::Key");
        topicId = synthesized.onlyLogicalId("AWS::SNS::Topic");
    }

    @Test
    void namesTheTopicForTheTamperingDetection() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "watchpost-alerts"));
    }

    @Test
    void encryptsTheTopicWithItsOwnKey() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))));
    }

    @Test
    void namesTheKeyWithAnAliasForTheTamperingDetection() {
        template.hasResourceProperties("AWS::KMS::Alias", Map.of(
                "AliasName", "alias/watchpost-alerts",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))));
    }

    @Test
    void rotatesTheKey() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void topicPolicyDeniesPublishingWithoutTls() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", topicId)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Principal", "*",
                        "Action", "sns:Publish",
                        "Resource", Map.of("Ref", topicId),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void letsOnlyThisAccountsWatchpostAlarmsPublish() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Resource", Map.of("Ref", topicId),
                        "Condition", alarmCondition())))))));
    }

    @Test
    void letsOnlyThisAccountsWatchpostAlarmsUseTheKey() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Condition", alarmCondition())))))));
    }

    @Test
    void subscribesNoAddress_whenNoAlertEmailIsGiven() {
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    private static Map<String, Object> alarmCondition() {
        return Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:", Map.of("Ref", "AWS::Region"), ":",
                        Map.of("Ref", "AWS::AccountId"), ":alarm:watchpost-*")))));
    }
}
