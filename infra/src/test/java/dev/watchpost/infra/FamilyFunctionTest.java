package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.handler.AwsClients;
import dev.watchpost.handler.LoopGuard;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The network family function as a plain {@code cdk synth} deploys it. */
final class FamilyFunctionTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());

    private static Synthesized synthesized;
    private static Template template;
    private static String functionId;
    private static String roleId;
    private static String aliasId;
    private static String queueId;
    private static String topicId;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.defaults();
        template = synthesized.template();
        functionId = synthesized.onlyLogicalId("AWS::Lambda::Function");
        roleId = synthesized.onlyLogicalId("AWS::IAM::Role");
        aliasId = synthesized.onlyLogicalId("AWS::Lambda::Alias");
        queueId = synthesized.onlyLogicalId("AWS::SQS::Queue");
        topicId = synthesized.onlyLogicalId("AWS::SNS::Topic");
    }

    @Test
    void deploysOneFunctionPerFamilyWithDetections() {
        assertEquals(Set.of(Family.NETWORK), REGISTRY.byFamily().keySet());
        template.resourceCountIs("AWS::Lambda::Function", REGISTRY.byFamily().size());
    }

    @Test
    void runsJava25OnArm64WithSnapStartOnPublishedVersions() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Handler", "dev.watchpost.handler.NetworkEventsHandler::handleRequest",
                "Role", Map.of("Fn::GetAtt", List.of(roleId, "Arn"))));
    }

    @Test
    void sizesTheFunctionAndCapsItsConcurrency() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "MemorySize", 512,
                "Timeout", (int) AwsClients.FUNCTION_TIMEOUT.toSeconds(),
                "ReservedConcurrentExecutions", FamilyFunction.RESERVED_CONCURRENCY));
    }

    @Test
    void deploysTheUploadedJar() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Code", Map.of("S3Key", Match.stringLikeRegexp("[0-9a-f]{64}\\.jar"))));
    }

    @Test
    void logsToItsOwnGroupKeptNinetyDays() {
        String logGroupId = synthesized.onlyLogicalId("AWS::Logs::LogGroup");
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", logGroupId))));
    }

    @Test
    void doesNotTrace_byDefault() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("TracingConfig", Match.absent()));
    }

    @Test
    void tellsTheFunctionItsTopicPrefixAndOwnRoles() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                Settings.TOPIC_ARN, Map.of("Ref", topicId),
                Settings.NAME_PREFIX, Settings.DEFAULT_NAME_PREFIX,
                Settings.OWN_ROLE_ARNS, Map.of("Fn::GetAtt", List.of(roleId, "Arn"))))));
    }

    @Test
    void leavesUnsetSettingsToTheFunctionsDefaults() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                Settings.ADMIN_PORTS, Match.absent(),
                Settings.INTERNET_PREFIX_LENGTH, Match.absent(),
                Settings.TRUSTED_CIDRS, Match.absent(),
                Settings.REMEDIATION_MODES, Match.absent(),
                Settings.EXEMPT_TAG_KEY, Match.absent()))));
    }

    @Test
    void namesTheRoleAsTheLoopGuardExpects() {
        Object expected = synthesized.stack().resolve(
                LoopGuard.roleName(Settings.DEFAULT_NAME_PREFIX, Family.NETWORK, Aws.REGION));
        assertEquals(Map.of("Fn::Join", List.of("", List.of("watchpost-network-", Map.of("Ref", "AWS::Region")))),
                expected);
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", expected,
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com"))))));
    }

    @Test
    void publishesAVersionBehindTheLiveAlias() {
        String versionId = synthesized.onlyLogicalId("AWS::Lambda::Version");
        template.hasResourceProperties("AWS::Lambda::Version", Map.of("FunctionName", Map.of("Ref", functionId)));
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", FamilyFunction.ALIAS,
                "FunctionName", Map.of("Ref", functionId),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
    }

    @Test
    void ruleTargetsTheAliasWithRetriesAndADeadLetterQueue() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "State", "ENABLED",
                "EventBusName", Match.absent(),
                "Targets", List.of(Map.of(
                        "Arn", Map.of("Ref", aliasId),
                        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))),
                        "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 7200, "MaximumRetryAttempts", 8)))));
    }

    @Test
    void onlyTheRuleMayInvokeAndOnlyTheAlias() {
        String ruleId = synthesized.onlyLogicalId("AWS::Events::Rule");
        template.resourceCountIs("AWS::Lambda::Permission", 1);
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", Map.of("Ref", aliasId),
                "Principal", "events.amazonaws.com",
                "SourceArn", Map.of("Fn::GetAtt", List.of(ruleId, "Arn"))));
    }

    @Test
    void sendsFailedInvocationsOfTheAliasToTheDeadLetterQueue() {
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", functionId),
                "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":", Map.of("Ref", aliasId))))),
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", 21600,
                "DestinationConfig", Map.of("OnFailure", Map.of(
                        "Destination", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))))));
    }

    @Test
    void encryptsTheDeadLetterQueueAndKeepsMessagesFourteenDays() {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 14 * 24 * 3600));
    }

    @Test
    void deadLetterQueueDeniesRequestsWithoutTls() {
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "Queues", List.of(Map.of("Ref", queueId)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sqs:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void alarmsOnFunctionErrorsToTheTopic() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "watchpost-network-errors",
                "Namespace", "AWS/Lambda",
                "MetricName", "Errors",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId))),
                "Statistic", "Sum",
                "Period", 300,
                "Threshold", 1,
                "EvaluationPeriods", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", topicId))));
    }

    @Test
    void alarmsOnDeadLettersToTheTopic() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "watchpost-network-dead-letters",
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(queueId, "QueueName")))),
                "Period", 300,
                "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", topicId))));
        template.resourceCountIs("AWS::CloudWatch::Alarm", 2);
    }

    @Test
    void handlerClassExistsForEveryFamilyWithDetections() {
        for (Family family : REGISTRY.byFamily().keySet()) {
            String handlerClass = FamilyFunction.handlerOf(family).split("::")[0];
            assertDoesNotThrow(() -> Class.forName(handlerClass, false, getClass().getClassLoader()),
                    () -> "no handler class " + handlerClass + " for family " + family.id());
        }
    }
}
