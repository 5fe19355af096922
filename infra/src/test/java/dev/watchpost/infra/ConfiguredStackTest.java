package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every context key, set: each reaches the resource or variable it is meant for ({@link Synthesized#CONFIGURED_CONTEXT}). */
final class ConfiguredStackTest {
    private static Synthesized synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.configured();
        template = synthesized.template();
    }

    @Test
    void subscribesTheAlertEmailToTheTopic() {
        template.resourceCountIs("AWS::SNS::Subscription", 1);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", "secops@example.com",
                "TopicArn", Map.of("Ref", synthesized.onlyLogicalId("AWS::SNS::Topic"))));
    }

    @Test
    void passesTheGivenSettingsToTheFunction() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                Settings.ADMIN_PORTS, "22,2222",
                Settings.INTERNET_PREFIX_LENGTH, "8",
                Settings.TRUSTED_CIDRS, "198.51.100.0/24",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN",
                Settings.EXEMPT_TAG_KEY, "team:exempt",
                Settings.NAME_PREFIX, "wp-test"))));
    }

    @Test
    void namesRoleAndAlarmsWithThePrefix() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", Map.of("Fn::Join", List.of("", List.of("wp-test-network-", Map.of("Ref", "AWS::Region"))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "wp-test-network-errors"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "wp-test-network-dead-letters"));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("",
                                Match.arrayWith(List.of(":alarm:wp-test-*")))))))))))));
    }

    @Test
    void keepsLogsForTheGivenDays() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void tracesWithXRay_whenAsked() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("TracingConfig", Map.of("Mode", "Active")));
        String roleId = synthesized.onlyLogicalId("AWS::IAM::Role");
        boolean grantsTracing = false;
        for (String policyId : synthesized.logicalIds("AWS::IAM::Policy")) {
            JsonNode policy = synthesized.properties(policyId);
            if (policy.path("Roles").toString().contains(roleId)
                    && policy.path("PolicyDocument").toString().contains("xray:PutTraceSegments")) {
                grantsTracing = true;
            }
        }
        assertTrue(grantsTracing, "the role may not write traces");
    }
}
