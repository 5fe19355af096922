package dev.watchpost.infra;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.audit.WatchpostResources;
import dev.watchpost.handler.SlackNotifierHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
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
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Posts alerts and alarms to a Slack incoming webhook: a function subscribed to the alert topic and to the
 * {@link OperationsTopic}, behind a {@code live} alias (SnapStart), whose only permission besides its logs and
 * dead-letter queue is reading the one secret that holds the webhook URL. On the alert topic the minimum severity is
 * an SNS filter policy on the {@code severity} attribute, so lower alerts never invoke it; every alarm state change
 * on the operations topic is posted. A post that keeps failing fails the invocation; after Lambda's retries the
 * message lands in the dead-letter queue, which alarms.
 */
public final class SlackNotifier extends Construct {
    public static final String HANDLER = "dev.watchpost.handler.SlackNotifierHandler::handleRequest";
    static final int MEMORY_MB = 512;
    static final Duration TIMEOUT = Duration.seconds(SlackNotifierHandler.FUNCTION_TIMEOUT.toSeconds());
    /** At most this much of the deployment's {@code reservedConcurrency}: alerts are few, Slack rate-limits anyway. */
    static final int RESERVED_CONCURRENCY = 5;
    static final int RETRY_ATTEMPTS_IN_LAMBDA = 2;

    public SlackNotifier(Construct scope, String id, String namePrefix, String secretArn, List<String> severities,
                         AlertTopic alerts, OperationsTopic operations, Path functionsJar, RetentionDays logRetention,
                         boolean tracing, int reservedConcurrency) {
        super(scope, id);
        String name = nameOf(namePrefix);
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs").retention(logRetention).build();
        Role role = Role.Builder.create(this, "Role")
                .roleName(name + "-" + Aws.REGION)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Watchpost Slack notifier: reads the webhook secret, posts alerts")
                .build();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secretArn))
                .build());
        logGroup.grantWrite(role);

        Function function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description("Watchpost: posts alerts of the topic " + AlertTopic.topicName(namePrefix) + " and alarms of "
                        + OperationsTopic.topicName(namePrefix) + " to Slack")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(functionsJar.toString()))
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .reservedConcurrentExecutions(reservedConcurrency > 0
                        ? Math.min(RESERVED_CONCURRENCY, reservedConcurrency) : null)
                .tracing(tracing ? Tracing.ACTIVE : Tracing.DISABLED)
                .role(role)
                .logGroup(logGroup)
                // The secret's ARN is not a secret; the webhook URL it holds is read at run time and never logged.
                .environment(Map.of(Settings.SLACK_SECRET_ARN, secretArn))
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "SnapStart applies to the version the live alias publishes; the topic invokes the alias");

        Queue deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(WatchpostResources.deadLetterQueue(namePrefix, "slack"))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(FamilyFunction.DEAD_LETTER_RETENTION)
                .build();
        Alias alias = Alias.Builder.create(this, "Alias")
                .aliasName(FamilyFunction.ALIAS)
                .version(function.getCurrentVersion())
                .onFailure(new SendOnlyQueueDestination(deadLetters))
                .retryAttempts(RETRY_ATTEMPTS_IN_LAMBDA)
                .build();
        alerts.topic().addSubscription(LambdaSubscription.Builder.create(alias)
                .filterPolicy(Map.of("severity", SubscriptionFilter.stringFilter(
                        StringConditions.builder().allowlist(severities).build())))
                .deadLetterQueue(deadLetters)
                .build());
        // Every alarm, unfiltered: the notifier tells an alarm notification from a finding by its content.
        operations.topic().addSubscription(LambdaSubscription.Builder.create(alias)
                .deadLetterQueue(deadLetters)
                .build());

        alarm("ErrorsAlarm", name + "-errors", "Watchpost could not post an alert to Slack; it will be retried, then "
                + "kept in the dead-letter queue; read the notifier's log",
                function.metricErrors(MetricOptions.builder().period(FamilyFunction.ALARM_PERIOD).statistic("Sum")
                        .build()), operations);
        alarm("ThrottlesAlarm", name + "-throttles", "Watchpost's Slack notifier was throttled: messages wait in "
                + "Lambda's queue and then go to the dead-letter queue",
                function.metricThrottles(MetricOptions.builder().period(FamilyFunction.ALARM_PERIOD).statistic("Sum")
                        .build()), operations);
        alarm("DeadLettersAlarm", name + "-dead-letters", "Watchpost alerts that never reached Slack are in the "
                + "dead-letter queue", deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(FamilyFunction.ALARM_PERIOD).statistic("Maximum").build()), operations);
        NagReasons.suppressForDeadLetterQueue(deadLetters, "the Slack notifier");
        if (tracing) {
            NagReasons.suppressForTracing(role);
        }
    }

    /** {@code <prefix>-slack}. */
    public static String nameOf(String namePrefix) {
        return namePrefix + "-slack";
    }

    private void alarm(String id, String name, String description, IMetric metric, OperationsTopic operations) {
        TopicAlarm.create(this, id, name, description, metric, operations);
    }
}
