package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.handler.AwsClients;
import dev.watchpost.pipeline.LoopGuard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Each family's function, and what surrounds it, as a plain {@code cdk synth} deploys it. */
final class FamilyFunctionTest {
    private static final int FAMILIES = Family.values().length;

    private final Synthesized synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();
    private final String operationsTopicId =
            synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-operations");

    @ParameterizedTest
    @ValueSource(strings = {"AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias",
            "AWS::Lambda::EventInvokeConfig", "AWS::Logs::LogGroup", "AWS::SQS::Queue"})
    void deploysOneOfEachPerFamily(String type) {
        template.resourceCountIs(type, FAMILIES);
    }

    /** The event rule and the after-deploy sweep rule, each with its invoke permission; the function and schedule roles. */
    @ParameterizedTest
    @ValueSource(strings = {"AWS::Lambda::Permission", "AWS::IAM::Role", "AWS::Events::Rule"})
    void deploysTwoOfEachPerFamily(String type) {
        template.resourceCountIs(type, 2 * FAMILIES);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void runsJava25OnArm64WithSnapStartOnPublishedVersions(Family family) {
        FamilyIds ids = synthesized.family(family);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "watchpost-" + family.id(),
                "Handler", FamilyIds.handler(family),
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Role", Map.of("Fn::GetAtt", List.of(ids.role(), "Arn"))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void sizesTheFunctionAndCapsItsConcurrency(Family family) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", FamilyIds.handler(family),
                "MemorySize", 512,
                "Timeout", (int) AwsClients.FUNCTION_TIMEOUT.toSeconds(),
                "ReservedConcurrentExecutions", DeploySettings.DEFAULT_RESERVED_CONCURRENCY,
                "Code", Map.of("S3Key", Match.stringLikeRegexp("[0-9a-f]{64}\\.jar")),
                "TracingConfig", Match.absent()));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void logsToItsOwnGroupKeptNinetyDays(Family family) {
        FamilyIds ids = synthesized.family(family);
        assertEquals(90, synthesized.properties(ids.logGroup()).path("RetentionInDays").asInt());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheFunctionItsTopicAndPrefix_andLeavesUnsetSettingsToItsDefaults(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                Settings.TOPIC_ARN, Map.of("Ref",
                        synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-alerts")),
                Settings.NAME_PREFIX, Settings.DEFAULT_NAME_PREFIX,
                Settings.ADMIN_PORTS, Match.absent(),
                Settings.INTERNET_PREFIX_LENGTH, Match.absent(),
                Settings.TRUSTED_CIDRS, Match.absent(),
                Settings.REMEDIATION_MODES, Match.absent(),
                Settings.EXEMPT_TAG_KEY, Match.absent()));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheFunctionTheAlertKeyAndTheQualifierThatDeploysIt_toRecogniseTampering(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                Settings.ALERT_KEY_ARN, Map.of("Fn::GetAtt",
                        List.of(synthesized.onlyLogicalId("AWS::KMS::Key"), "Arn")),
                Settings.DEPLOY_QUALIFIER, "hnb659fds"));
    }

    @Test
    void tellsTheFunctionsAQualifierOfWatchpostsOwn_whenItIsBootstrappedWithOne() {
        Template own = Synthesized.synthesize("own-qualifier",
                Map.of("@aws-cdk/core:bootstrapQualifier", "wpost")).template();
        own.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Map.of(Settings.DEPLOY_QUALIFIER, "wpost"))), FAMILIES);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void namesTheDeadLetterQueueAfterTheFamily_soTheAuditFamilyKnowsIt(Family family) {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "watchpost-" + family.id() + "-dead-letters"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheFunctionItsOwnAccount_withoutWhichItNeverRemediates_andNoMemberRoles(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                Settings.ACCOUNT_ID, Map.of("Ref", "AWS::AccountId"),
                Settings.MEMBER_ROLES, Match.absent(),
                Settings.EXTERNAL_ID, Match.absent()));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheFunctionEveryWatchpostRole(Family family) {
        List<Object> arns = new ArrayList<>();
        for (Family any : Family.values()) {
            if (!arns.isEmpty()) {
                arns.add(",");
            }
            arns.add(Map.of("Fn::GetAtt", List.of(synthesized.family(any).role(), "Arn")));
        }
        JsonNode variables = synthesized.properties(synthesized.family(family).function())
                .path("Environment").path("Variables");
        assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", arns))),
                variables.path(Settings.OWN_ROLE_ARNS));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void namesTheRoleAsTheLoopGuardExpects(Family family) {
        Object expected = synthesized.stack().resolve(
                LoopGuard.roleName(Settings.DEFAULT_NAME_PREFIX, family, Aws.REGION));
        assertEquals(Map.of("Fn::Join", List.of("", List.of("watchpost-" + family.id() + "-",
                Map.of("Ref", "AWS::Region")))), expected);
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", expected,
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com"))))));
        assertEquals(Synthesized.MAPPER.valueToTree(expected),
                synthesized.properties(synthesized.family(family).role()).path("RoleName"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void publishesAVersionBehindTheLiveAlias(Family family) {
        FamilyIds ids = synthesized.family(family);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", FamilyFunction.ALIAS,
                "FunctionName", Map.of("Ref", ids.function()),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(ids.version(), "Version"))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void ruleIsNamedForTheFamilyAndTargetsTheAliasWithRetriesAndADeadLetterQueue(Family family) {
        FamilyIds ids = synthesized.family(family);
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "watchpost-" + family.id(),
                "State", Match.stringLikeRegexp("ENABLED|ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"),
                "EventBusName", Match.absent(),
                "Targets", List.of(Map.of(
                        "Id", Match.anyValue(),
                        "Arn", Map.of("Ref", ids.alias()),
                        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(ids.deadLetters(), "Arn"))),
                        "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 7200, "MaximumRetryAttempts", 8)))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void onlyTheFamilysRuleMayInvokeAndOnlyTheAlias(Family family) {
        FamilyIds ids = synthesized.family(family);
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", Map.of("Ref", ids.alias()),
                "Principal", "events.amazonaws.com",
                "SourceArn", Map.of("Fn::GetAtt", List.of(ids.rule(), "Arn"))));
    }

    @Test
    void grantsNoInvokePermissionBesidesTheRules() {
        List<String> principals = new ArrayList<>();
        synthesized.logicalIds("AWS::Lambda::Permission").forEach(id ->
                principals.add(synthesized.properties(id).path("Principal").asText()));
        assertEquals(Collections.nCopies(2 * FAMILIES, "events.amazonaws.com"), principals);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void sendsFailedInvocationsOfTheAliasToTheDeadLetterQueue(Family family) {
        FamilyIds ids = synthesized.family(family);
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", ids.function()),
                "Qualifier", Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":",
                        Map.of("Ref", ids.alias()))))),
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", 21600,
                "DestinationConfig", Map.of("OnFailure", Map.of(
                        "Destination", Map.of("Fn::GetAtt", List.of(ids.deadLetters(), "Arn"))))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void encryptsTheDeadLetterQueue_keepsMessagesFourteenDays_andRefusesPlainHttp(Family family) {
        FamilyIds ids = synthesized.family(family);
        JsonNode queue = synthesized.properties(ids.deadLetters());
        assertEquals(true, queue.path("SqsManagedSseEnabled").asBoolean());
        assertEquals(14 * 24 * 3600, queue.path("MessageRetentionPeriod").asInt());
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "Queues", List.of(Map.of("Ref", ids.deadLetters())),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sqs:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsOnFunctionErrorsToTheOperationsTopic(Family family) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", operationsAlarm("watchpost-" + family.id() + "-errors",
                "AWS/Lambda", "Errors", "FunctionName", Map.of("Ref", synthesized.family(family).function()), "Sum",
                "EvaluationPeriods", 1));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsOnDeadLettersToTheOperationsTopic(Family family) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", operationsAlarm(
                "watchpost-" + family.id() + "-dead-letters", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                "QueueName", Map.of("Fn::GetAtt", List.of(synthesized.family(family).deadLetters(), "QueueName")),
                "Maximum"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsOnWhatTheFunctionCountsItself_toTheOperationsTopic(Family family) {
        Map<String, String> suffixes = Map.of(
                "AlertFailures", "-alert-failures",
                "MalformedEvents", "-malformed-events",
                "DetectionErrors", "-detection-errors",
                "SettingsInvalid", "-settings-invalid");
        suffixes.forEach((metric, suffix) -> template.hasResourceProperties("AWS::CloudWatch::Alarm",
                operationsAlarm("watchpost-" + family.id() + suffix, "Watchpost", metric, "Function",
                        "watchpost-" + family.id(), "Sum", "TreatMissingData", "notBreaching")));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsOnThrottles_toTheOperationsTopic(Family family) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", operationsAlarm(
                "watchpost-" + family.id() + "-throttles", "AWS/Lambda", "Throttles", "FunctionName",
                Map.of("Ref", synthesized.family(family).function()), "Sum"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsWhenTheRuleFailsToDeliver_byTheRuleNameAlone_onTheDefaultBus(Family family) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", operationsAlarm(
                "watchpost-" + family.id() + "-failed-invocations", "AWS/Events", "FailedInvocations", "RuleName",
                "watchpost-" + family.id(), "Sum", "TreatMissingData", "notBreaching"));
    }

    @Test
    void raisesNoOtherAlarm() {
        // the function's own alarms, and the heartbeat and sweep-problems alarms of its schedule (FamilyScheduleTest)
        template.resourceCountIs("AWS::CloudWatch::Alarm", 10 * FAMILIES);
    }

    /**
     * A first-occurrence alarm's expected properties: the metric with its one dimension, per five minutes, firing at 1
     * and notifying the operations topic both ways; {@code more} adds key, value, key, value…
     */
    private Map<String, Object> operationsAlarm(String name, String namespace, String metric, String dimension,
                                                Object dimensionValue, String statistic, Object... more) {
        Map<String, Object> properties = alarm(more);
        properties.putAll(alarm("AlarmName", name, "Namespace", namespace, "MetricName", metric,
                "Dimensions", List.of(Map.of("Name", dimension, "Value", dimensionValue)),
                "Statistic", statistic, "Period", 300, "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", operationsTopicId)),
                "OKActions", List.of(Map.of("Ref", operationsTopicId))));
        return properties;
    }

    /** An alarm's expected properties: key, value, key, value… (more than {@code Map.of} takes). */
    private static Map<String, Object> alarm(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
