package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every context key, set: each reaches the resource or variable it is meant for ({@link Synthesized#CONFIGURED_CONTEXT}). */
final class ConfiguredStackTest {
    private final Synthesized synthesized = Synthesized.configured();
    private final Template template = synthesized.template();

    @Test
    void subscribesTheAlertEmailToTheTopic() {
        String alerts = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-alerts");
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", "secops@example.com",
                "TopicArn", Map.of("Ref", alerts)));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void passesTheGivenSettingsToEveryFunction(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                Settings.ADMIN_PORTS, "22,2222",
                Settings.INTERNET_PREFIX_LENGTH, "8",
                Settings.TRUSTED_CIDRS, "198.51.100.0/24",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN",
                Settings.EXEMPT_TAG_KEY, "team:exempt",
                Settings.NAME_PREFIX, "wp-test",
                Settings.TOPIC_ARN, Match.anyValue(),
                Settings.OWN_ROLE_ARNS, Match.anyValue()));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void namesFunctionRuleRoleAndAlarmsWithThePrefix(Family family) {
        FamilyIds ids = synthesized.family(family);
        String name = "wp-test-" + family.id();
        assertEquals(name, synthesized.properties(ids.function()).path("FunctionName").asText());
        assertEquals(name, synthesized.properties(ids.rule()).path("Name").asText());
        assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(name + "-",
                Map.of("Ref", "AWS::Region"))))), synthesized.properties(ids.role()).path("RoleName"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", name + "-errors"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", name + "-dead-letters"));
    }

    @Test
    void namesTheTopicsWithThePrefix_andLetsOnlyAlarmsWithThePrefixPublishToTheOperationsTopic() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "wp-test-alerts"));
        String operations = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "wp-test-operations");
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", operations)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("",
                                Match.arrayWith(List.of(":alarm:wp-test-*")))))))))))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void keepsLogsForTheGivenDays(Family family) {
        assertEquals(30, synthesized.properties(synthesized.family(family).logGroup()).path("RetentionInDays").asInt());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tracesWithXRay_whenAsked(Family family) {
        FamilyIds ids = synthesized.family(family);
        assertEquals("Active", synthesized.properties(ids.function()).path("TracingConfig").path("Mode").asText());
        boolean grantsTracing = false;
        for (String policyId : synthesized.logicalIds("AWS::IAM::Policy")) {
            JsonNode policy = synthesized.properties(policyId);
            if (Synthesized.elements(policy.path("Roles")).contains(Synthesized.ref(ids.role()))
                    && policy.path("PolicyDocument").toString().contains("\"xray:PutTraceSegments\"")) {
                grantsTracing = true;
            }
        }
        assertTrue(grantsTracing, "the " + family.id() + " role may not write traces");
    }
}
