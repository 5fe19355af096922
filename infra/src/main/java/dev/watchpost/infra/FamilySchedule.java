package dev.watchpost.infra;

import dev.watchpost.handler.ScheduledRequest;
import dev.watchpost.pipeline.JsonLogTelemetry;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * What asks one family function to look at current state rather than wait for events: EventBridge Scheduler schedules
 * for the sweep, the digest and the heartbeat (each a {@link ScheduledRequest} payload to the {@code live} alias),
 * a rule that sweeps once right after each successful deployment of this stack (CloudFormation's own "Stack Status
 * Change" event, so no custom resource or extra function is needed), the heartbeat alarm, which treats a day
 * without a heartbeat as breaching, and the sweep-problems alarm, which fires when a sweep could not cover a place or
 * an account (a member role stack not deployed, a member account list that could not be read) and clears after a day
 * without one (both to the {@link OperationsTopic}, as every alarm). The function's role holds the sweep's read
 * actions ({@link FamilyFunction}).
 */
public final class FamilySchedule extends Construct {
    /** A day: the heartbeat alarm's period; the heartbeat itself runs twice in it. */
    static final Duration HEARTBEAT_PERIOD = Duration.days(1);
    static final List<String> DEPLOYED = List.of("CREATE_COMPLETE", "UPDATE_COMPLETE");

    public FamilySchedule(Construct scope, String id, FamilyFunction function, SweepSchedules schedules,
                          OperationsTopic operations) {
        super(scope, id);
        String name = function.name();
        schedule("Sweep", name + "-sweep", schedules.sweep(), ScheduledRequest.SWEEP, function,
                "Watchpost " + function.family().id() + ": sweep current state");
        schedule("Digest", name + "-digest", schedules.digest(), ScheduledRequest.DIGEST, function,
                "Watchpost " + function.family().id() + ": digest of what stays open");
        schedule("Heartbeat", name + "-heartbeat", SweepSchedules.HEARTBEAT,
                ScheduledRequest.HEARTBEAT, function, "Watchpost " + function.family().id() + ": heartbeat that keeps "
                        + "the SnapStart version active and proves the function answers");
        Rule.Builder.create(this, "AfterDeploy")
                .ruleName(name + "-after-deploy")
                .description("Watchpost " + function.family().id() + ": sweep once after each deployment of this stack")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.cloudformation"))
                        .detailType(List.of("CloudFormation Stack Status Change"))
                        .detail(Map.of("stack-id", List.of(Aws.STACK_ID),
                                "status-details", Map.of("status", DEPLOYED)))
                        .build())
                .targets(List.of(new LambdaFunction(function.alias(), LambdaFunctionProps.builder()
                        .event(RuleTargetInput.fromObject(Map.of(ScheduledRequest.FIELD,
                                ScheduledRequest.SWEEP.id())))
                        .deadLetterQueue(function.deadLetters())
                        .build())))
                .build();
        TopicAlarm.whenAbsent(this, "HeartbeatAlarm", name + "-heartbeat",
                "Watchpost " + function.family().id() + " function did not answer its heartbeat for a day: the "
                        + "schedule, the function or its logs are broken, and events may not be handled either",
                Metric.Builder.create()
                        .namespace(JsonLogTelemetry.NAMESPACE)
                        .metricName(JsonLogTelemetry.HEARTBEAT)
                        .dimensionsMap(Map.of(JsonLogTelemetry.FUNCTION_DIMENSION, name))
                        .statistic("Sum")
                        .period(HEARTBEAT_PERIOD)
                        .build(),
                operations);
        TopicAlarm.create(this, "SweepProblemsAlarm", name + "-sweep-problems",
                "Watchpost " + function.family().id() + " sweep could not cover everything it should (an account or "
                        + "region unreachable, a member role stack not deployed, member accounts not discovered): "
                        + "the log line 'sweep' and the digest say which",
                Metric.Builder.create()
                        .namespace(JsonLogTelemetry.NAMESPACE)
                        .metricName(JsonLogTelemetry.SWEEP_PROBLEMS)
                        .dimensionsMap(Map.of(JsonLogTelemetry.FUNCTION_DIMENSION, name))
                        .statistic("Sum")
                        .period(HEARTBEAT_PERIOD)
                        .build(),
                operations);
    }

    private void schedule(String id, String scheduleName, String expression, ScheduledRequest request,
                          FamilyFunction function, String description) {
        Schedule.Builder.create(this, id)
                .scheduleName(scheduleName)
                .description(description)
                .schedule(ScheduleExpression.expression(expression))
                .target(new LambdaInvoke(function.alias(), ScheduleTargetBaseProps.builder()
                        .input(ScheduleTargetInput.fromObject(Map.of(ScheduledRequest.FIELD, request.id())))
                        .deadLetterQueue(function.deadLetters())
                        .build()))
                .build();
    }
}
