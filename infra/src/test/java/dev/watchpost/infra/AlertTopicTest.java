package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The alert topic as a plain {@code cdk synth} deploys it: encrypted, TLS only, and no alarm depends on it. */
final class AlertTopicTest {
    private static Template template;
    private static String keyId;
    private static String topicId;

    @BeforeAll
    static void synthesize() {
        Synthesized synthesized = Synthesized.defaults();
        template = synthesized.template();
        keyId = synthesized.onlyLogicalId("AWS::KMS::Key");
        topicId = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-alerts");
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
    void grantsCloudWatchNothingOnTheTopicOrTheKey_sinceNoAlarmNotifiesIt() {
        Synthesized synthesized = Synthesized.defaults();
        String keyPolicy = synthesized.properties(keyId).path("KeyPolicy").toString();
        assertFalse(keyPolicy.contains("cloudwatch.amazonaws.com"), keyPolicy);
        String topicPolicy = synthesized.properties(synthesized.onlyLogicalId("AWS::SNS::TopicPolicy", "Topics",
                List.of(Map.of("Ref", topicId)))).toString();
        assertFalse(topicPolicy.contains("cloudwatch.amazonaws.com"), topicPolicy);
    }

    @Test
    void subscribesNoAddress_whenNoAlertEmailIsGiven() {
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }
}
