package dev.watchpost.infra;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.audit.WatchpostResources;
import dev.watchpost.handler.AwsClients;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.sweep.SweepInfo;
import dev.watchpost.sweep.Sweeps;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IEventBus;
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
 * queue for events EventBridge could not deliver and for invocations that failed after Lambda's retries, and its
 * {@link FamilyAlarms}. Everything is named {@code <prefix>-<family>…} and the function is told the alert key's ARN
 * and the CDK qualifier that deploys it, so that the audit family recognises tampering with any of it and tells it
 * from a deploy. Reserved concurrency bounds what a flood of events (or a loop) can cost; throttled
 * events wait in Lambda's async queue for up to {@link #MAX_EVENT_AGE_IN_LAMBDA}.
 */
public final class FamilyFunction extends Construct {
    public static final int MEMORY_MB = 512;
    public static final String ALIAS = "live";
    /** The product findings are imported as: the account's own default product. */
    public static final String SECURITY_HUB_PRODUCT = "product/<account>/default";
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
     * @param alerts       where alerts go
     * @param operations   where alarms go
     * @param namePrefix   prefix of the function, rule, role and alarm names
     * @param functionsJar the shaded jar holding the handler
     * @param logRetention retention of the function's log group
     * @param tracing      whether to send X-Ray traces
     * @param reservedConcurrency concurrency reserved for the function, 0 for none
     * @param environment  extra {@code WATCHPOST_*} variables, already validated
     * @param everyRegion  whether the remediation grants cover every region of the account, not only the stack's:
     *                     the central function of an organization deployment also receives its own account's
     *                     events from the other regions, and acts there with its own role
     */
    public record Props(Family family, Detections registry, List<RemediationInfo> catalog, AlertTopic alerts,
                        OperationsTopic operations, String namePrefix, Path functionsJar, RetentionDays logRetention,
                        boolean tracing, int reservedConcurrency, Map<String, String> environment,
                        boolean everyRegion) {
        public Props {
            catalog = List.copyOf(catalog);
            environment = Map.copyOf(environment);
        }
    }

    private final Family family;
    private final String name;
    private final Role role;
    private final Function function;
    private final Alias alias;
    private final FamilyRouting routing;
    private final Rule rule;
    private final Queue deadLetters;
    private final FamilyAlarms alarms;

    public FamilyFunction(Construct scope, String id, Props props) {
        super(scope, id);
        this.family = props.family();
        this.name = nameOf(props.namePrefix(), family);
        List<String> detectionIds = props.registry().byFamily().getOrDefault(family, List.of()).stream()
                .map(detection -> detection.info().id()).sorted().toList();
        if (detectionIds.isEmpty()) {
            throw new IllegalArgumentException("family " + family.id() + " has no detection to run");
        }
        FamilyRouting routing = FamilyRouting.of(props.registry(), family);
        RemediationGrants grants = RemediationGrants.of(props.registry(), props.catalog(), family);

        LogGroup logGroup = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        this.role = Role.Builder.create(this, "Role")
                .roleName(LoopGuard.roleName(props.namePrefix(), family, Aws.REGION))
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Watchpost " + family.id() + " function" + (grants.actions().isEmpty() ? ""
                        : ": " + String.join(", ", grants.actions())))
                .build();
        (props.everyRegion() ? grants.statementsInEveryRegion() : grants.statements())
                .forEach(role::addToPrincipalPolicy);
        SweepInfo sweep = Sweeps.infoOf(family);
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("SweepReads")
                .actions(sweep.readActions())
                .resources(List.of("*"))
                .build());
        props.alerts().grantPublish(role);
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Settings.TOPIC_ARN, props.alerts().topic().getTopicArn());
        environment.put(Settings.NAME_PREFIX, props.namePrefix());
        environment.put(Settings.OWN_ROLE_ARNS, role.getRoleArn());
        environment.put(Settings.ACCOUNT_ID, Aws.ACCOUNT_ID);
        environment.put(Settings.ALERT_KEY_ARN, props.alerts().key().getKeyArn());
        String qualifier = Stack.of(this).getSynthesizer().getBootstrapQualifier();
        if (qualifier != null) {
            environment.put(Settings.DEPLOY_QUALIFIER, qualifier);
        }
        environment.putAll(props.environment());

        this.function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description("Watchpost " + family.id() + " family: " + detectionIds.size() + " detections on the "
                        + "CloudTrail events of rule " + name)
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(handlerOf(family))
                .code(Code.fromAsset(props.functionsJar().toString()))
                .memorySize(MEMORY_MB)
                .timeout(Duration.seconds(AwsClients.FUNCTION_TIMEOUT.toSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .reservedConcurrentExecutions(props.reservedConcurrency() > 0 ? props.reservedConcurrency() : null)
                .tracing(props.tracing() ? Tracing.ACTIVE : Tracing.DISABLED)
                .role(role)
                .logGroup(logGroup)
                .environment(environment)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "SnapStart applies to the version the live alias publishes (currentVersion); EventBridge invokes the alias");

        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(WatchpostResources.deadLetterQueue(props.namePrefix(), family.id()))
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
        this.routing = routing;
        this.alarms = new FamilyAlarms(this, name, family.id(), props.operations());
        this.rule = routedFrom("Rule", null);

        alarms.onFunction(function, deadLetters);

        NagReasons.suppressForFamilyFunction(role, deadLetters, grants, props.tracing(), props.everyRegion());
        NagReasons.suppressForSweepReads(role, sweep.readActions());
    }

    /**
     * {@code <prefix>-<family>}: the name of the family's function, rule and alarms, which
     * {@code audit.detector-tampered} recognises as Watchpost's own.
     */
    public static String nameOf(String namePrefix, Family family) {
        return namePrefix + "-" + family.id();
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

    /**
     * Also routes the family's events from {@code bus} (the central bus of an organization deployment) to the same
     * alias, with the same retries, dead-letter queue and failed-delivery alarm; the rule has the same name, on that
     * bus.
     */
    public Rule alsoRouteFrom(IEventBus bus) {
        return routedFrom("RuleOn" + bus.getNode().getId(), bus);
    }

    /**
     * The family's rule on {@code bus} (the default bus when null), targeting the alias, and its alarm on events
     * EventBridge gave up delivering.
     */
    private Rule routedFrom(String id, IEventBus bus) {
        Rule routed = Rule.Builder.create(this, id)
                .ruleName(name)
                .eventBus(bus)
                .description("CloudTrail events for Watchpost " + family.id() + " detections")
                .eventPattern(routing.eventPattern())
                .targets(List.of(new LambdaFunction(alias, LambdaFunctionProps.builder()
                        .deadLetterQueue(deadLetters)
                        .maxEventAge(MAX_EVENT_AGE_IN_EVENTBRIDGE)
                        .retryAttempts(RETRY_ATTEMPTS_IN_EVENTBRIDGE)
                        .build())))
                .build();
        ((CfnRule) routed.getNode().getDefaultChild()).setState(routing.ruleState());
        alarms.onRule(id, bus);
        return routed;
    }

    /** Tells the function which roles are Watchpost's own (the loop guard ignores their calls); replaces its own. */
    public void recognizeOwnRoles(List<Role> roles) {
        function.addEnvironment(Settings.OWN_ROLE_ARNS,
                roles.stream().map(Role::getRoleArn).collect(Collectors.joining(",")));
    }

    /**
     * Keeps the sweeps' memory of standing exposures in the state table ({@link StateStore#grantExposures}); the
     * function finds the table's name in {@value Settings#STATE_TABLE}, as for findings.
     */
    public void rememberExposuresIn(StateStore state) {
        state.grantExposures(role);
        function.addEnvironment(Settings.STATE_TABLE, state.table().getTableName());
    }

    /** Also publishes each finding to the AWS Chatbot topic, in Chatbot's custom-notification format. */
    public void alsoNotifyChatbot(ChatbotChannel chatbot) {
        chatbot.grantPublish(role);
        function.addEnvironment(Settings.CHATBOT_TOPIC_ARN, chatbot.topic().getTopicArn());
    }

    /**
     * Claims each finding in the state table before handling it, so one container of the function remediates and
     * alerts it (the function falls back to its own memory when the table cannot be reached).
     */
    public void rememberFindingsIn(StateStore state) {
        state.grantClaims(role);
        function.addEnvironment(Settings.STATE_TABLE, state.table().getTableName());
    }

    /** Also imports each finding into Security Hub, as this account's own product ({@value #SECURITY_HUB_PRODUCT}). */
    public void alsoImportIntoSecurityHub() {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("securityhub:BatchImportFindings"))
                .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder()
                        .service("securityhub").resource("product").resourceName(Aws.ACCOUNT_ID + "/default")
                        .build())))
                .build());
        function.addEnvironment(Settings.SECURITY_HUB, "true");
    }

    public Family family() {
        return family;
    }

    /** {@link #nameOf} this function's prefix and family. */
    public String name() {
        return name;
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

    /** The function's and its rules' alarms, in the order they were made. */
    public List<Alarm> alarms() {
        return alarms.all();
    }
}
