package dev.watchpost.infra;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.handler.AwsClients;
import dev.watchpost.handler.LoopGuard;
import dev.watchpost.remediate.RemediationInfo;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Everything one detection family needs to run in Lambda: a least-privilege role named as the loop guard expects, the
 * function with SnapStart behind a {@code live} alias, the EventBridge rule built from the registry, one dead-letter
 * queue for events EventBridge could not deliver and for invocations that failed after Lambda's retries, and alarms
 * on errors and dead letters. Reserved concurrency bounds what a flood of events (or a loop) can cost; throttled
 * events wait in Lambda's async queue for up to {@link #MAX_EVENT_AGE_IN_LAMBDA}.
 */
public final class FamilyFunction extends Construct {
    public static final int MEMORY_MB = 512;
    public static final int RESERVED_CONCURRENCY = 10;
    public static final String ALIAS = "live";
    static final Duration MAX_EVENT_AGE_IN_EVENTBRIDGE = Duration.hours(2);
    static final int RETRY_ATTEMPTS_IN_EVENTBRIDGE = 8;
    static final Duration MAX_EVENT_AGE_IN_LAMBDA = Duration.hours(6);
    static final int RETRY_ATTEMPTS_IN_LAMBDA = 2;
    static final Duration DEAD_LETTER_RETENTION = Duration.days(14);
    static final Duration ALARM_PERIOD = Duration.minutes(5);

    /**
     * What a family function is built from.
     *
     * @param family       the family; it must have at least one detection in {@code registry}
     * @param registry     the detection registry (routing)
     * @param catalog      the remediation catalog (permissions)
     * @param alerts       where alerts and alarms go
     * @param namePrefix   prefix of the role and alarm names
     * @param functionsJar the shaded jar holding the handler
     * @param logRetention retention of the function's log group
     * @param tracing      whether to send X-Ray traces
     * @param environment  extra {@code WATCHPOST_*} variables, already validated
     */
    public record Props(Family family, Detections registry, List<RemediationInfo> catalog, AlertTopic alerts,
                        String namePrefix, Path functionsJar, RetentionDays logRetention, boolean tracing,
                        Map<String, String> environment) {
        public Props {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(alerts, "alerts");
            Objects.requireNonNull(namePrefix, "namePrefix");
            Objects.requireNonNull(functionsJar, "functionsJar");
            Objects.requireNonNull(logRetention, "logRetention");
            catalog = List.copyOf(catalog);
            environment = Map.copyOf(environment);
        }
    }

    private final Family family;
    private final Role role;
    private final Function function;
    private final Alias alias;
    private final Rule rule;
    private final Queue deadLetters;
    private final List<Alarm> alarms;

    public FamilyFunction(Construct scope, String id, Props props) {
        super(scope, id);
        this.family = props.family();
        Stack stack = Stack.of(this);
        List<String> detectionIds = props.registry().byFamily().getOrDefault(family, List.of()).stream()
                .map(detection -> detection.info().id()).sorted().toList();
        if (detectionIds.isEmpty()) {
            throw new IllegalArgumentException("family " + family.id() + " has no detection to run");
        }
        FamilyRouting routing = FamilyRouting.of(props.registry(), family);
        SortedSet<String> remediationActions = RemediationGrants.actions(props.registry(), props.catalog(), family);

        LogGroup logGroup = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        this.role = Role.Builder.create(this, "Role")
                .roleName(LoopGuard.roleName(props.namePrefix(), family, Aws.REGION))
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Watchpost " + family.id() + " function: " + String.join(", ", remediationActions))
                .build();
        for (PolicyStatement statement : RemediationGrants.statements(stack, remediationActions)) {
            role.addToPrincipalPolicy(statement);
        }
        props.alerts().grantPublish(role);
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Settings.TOPIC_ARN, props.alerts().topic().getTopicArn());
        environment.put(Settings.NAME_PREFIX, props.namePrefix());
        environment.put(Settings.OWN_ROLE_ARNS, role.getRoleArn());
        environment.putAll(props.environment());

        this.function = Function.Builder.create(this, "Function")
                .description("Watchpost " + family.id() + " detections: " + String.join(", ", detectionIds))
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(handlerOf(family))
                .code(Code.fromAsset(props.functionsJar().toString()))
                .memorySize(MEMORY_MB)
                .timeout(Duration.seconds(AwsClients.FUNCTION_TIMEOUT.toSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .reservedConcurrentExecutions(RESERVED_CONCURRENCY)
                .tracing(props.tracing() ? Tracing.ACTIVE : Tracing.DISABLED)
                .role(role)
                .logGroup(logGroup)
                .environment(environment)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "SnapStart applies to the version the live alias publishes (currentVersion); EventBridge invokes the alias");

        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .build();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .onFailure(new SendOnlyQueueDestination(deadLetters))
                .retryAttempts(RETRY_ATTEMPTS_IN_LAMBDA)
                .maxEventAge(MAX_EVENT_AGE_IN_LAMBDA)
                .build();
        this.rule = Rule.Builder.create(this, "Rule")
                .description("CloudTrail events for Watchpost " + family.id() + " detections")
                .eventPattern(routing.eventPattern())
                .targets(List.of(new LambdaFunction(alias, LambdaFunctionProps.builder()
                        .deadLetterQueue(deadLetters)
                        .maxEventAge(MAX_EVENT_AGE_IN_EVENTBRIDGE)
                        .retryAttempts(RETRY_ATTEMPTS_IN_EVENTBRIDGE)
                        .build())))
                .build();

        String alarmPrefix = props.namePrefix() + "-" + family.id();
        this.alarms = List.of(
                alarm("ErrorsAlarm", alarmPrefix + "-errors",
                        "Watchpost " + family.id() + " function failed: an alert may be delayed or lost; read its log",
                        function.metricErrors(MetricOptions.builder().period(ALARM_PERIOD).statistic("Sum").build()),
                        props.alerts()),
                alarm("DeadLettersAlarm", alarmPrefix + "-dead-letters",
                        "Watchpost " + family.id() + " events are in the dead-letter queue: they were not processed",
                        deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                .period(ALARM_PERIOD).statistic("Maximum").build()),
                        props.alerts()));

        suppressFindings(remediationActions, props.tracing());
    }

    /** {@code dev.watchpost.handler.NetworkEventsHandler::handleRequest} for {@link Family#NETWORK}. */
    public static String handlerOf(Family family) {
        return "dev.watchpost.handler." + typeName(family) + "EventsHandler::handleRequest";
    }

    /** {@code Network} for {@link Family#NETWORK}: the family as it appears in class names and construct ids. */
    public static String typeName(Family family) {
        String id = family.id();
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    /** Tells the function which roles are Watchpost's own (the loop guard ignores their calls); replaces its own. */
    public void recognizeOwnRoles(List<Role> roles) {
        function.addEnvironment(Settings.OWN_ROLE_ARNS,
                roles.stream().map(Role::getRoleArn).collect(Collectors.joining(",")));
    }

    public Family family() {
        return family;
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public Rule rule() {
        return rule;
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    private Alarm alarm(String id, String name, String description, IMetric metric, AlertTopic alerts) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(alerts.alarmAction());
        return alarm;
    }

    private void suppressFindings(SortedSet<String> remediationActions, boolean tracing) {
        List<NagPackSuppression> wildcards = new ArrayList<>();
        List<String> unscopable = remediationActions.stream().filter(RemediationGrants.UNSCOPABLE::contains).toList();
        if (!unscopable.isEmpty() || tracing) {
            List<String> reasons = new ArrayList<>();
            if (!unscopable.isEmpty()) {
                reasons.add(String.join(", ", unscopable) + " support no resource-level permissions, so IAM only "
                        + "accepts Resource \"*\"; they are read-only and used to confirm a rule before revoking it");
            }
            if (tracing) {
                reasons.add("xray:PutTraceSegments and xray:PutTelemetryRecords only accept Resource \"*\" "
                        + "(tracing was enabled with -c tracing=true)");
            }
            wildcards.add(suppression("AwsSolutions-IAM5", String.join("; ", reasons), "Resource::*"));
        }
        List<String> scoped = RemediationGrants.wildcardResources(remediationActions);
        if (!scoped.isEmpty()) {
            List<String> actions = remediationActions.stream().filter(a -> !unscopable.contains(a)).toList();
            wildcards.add(suppression("AwsSolutions-IAM5", String.join(", ", actions) + " must act on whichever "
                    + "resource a finding names, known only at run time, so it is scoped to that resource type in "
                    + "this account and region (the narrowest IAM supports without a tagging convention)",
                    scoped.stream().map(resource -> "Resource::" + resource).toArray(String[]::new)));
        }
        wildcards.add(suppression("AwsSolutions-IAM5", "added by topic.grantPublish: publishing to a KMS-encrypted "
                + "topic needs kms:GenerateDataKey* (with kms:Decrypt), on the alert topic's own key only",
                "Action::kms:GenerateDataKey*"));
        // applyToChildren: the statements live in the role's DefaultPolicy child.
        NagSuppressions.addResourceSuppressions(role, wildcards, true);
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(suppression("AwsSolutions-SQS3",
                "this queue is itself the dead-letter queue (EventBridge target DLQ and Lambda on-failure "
                        + "destination); its depth raises the " + family.id() + " dead-letters alarm")));
    }

    private static NagPackSuppression suppression(String id, String reason, String... appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) {
            builder.appliesTo(List.of((Object[]) appliesTo));
        }
        return builder.build();
    }
}
