package dev.watchpost.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.AccountOus;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.PipelineResult;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.pipeline.SettingsTelemetry;
import dev.watchpost.pipeline.SsmSettingsReader;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.CallBudget;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.remediate.Memoized;
import dev.watchpost.sweep.SweepReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crac.Core;

/**
 * The shared body of the per-family Lambda entry points: read the event, run the pipeline, answer with a one-line
 * summary. The pipeline is built once per container in the constructor, which also registers the family's
 * {@link SnapStartPriming} with the runtime's checkpoint hooks (a no-op without SnapStart). A malformed event returns
 * normally (it is logged and counted); an alert that cannot be sent throws, so Lambda retries and the dead-letter
 * queue keep it. A scheduled request ({@link ScheduledRequest}) instead sweeps current state, sends the digest, or
 * only answers; each counts a heartbeat, which an alarm expects at least daily. The sweep is built on the first such
 * request, so events never pay for it. The pipeline starts a call (a remediation, an alert sink) only while the
 * invocation's remaining time covers the SDK's call timeout and {@link #MARGIN}, so Lambda never cuts one off.
 */
public abstract class FamilyEventsHandler implements RequestStreamHandler {
    /** Set by Lambda: the function's name (the metrics' Function dimension). */
    static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /**
     * Kept back from the remaining time after the last call the pipeline starts: the state table's last write (its own
     * shorter call timeout), then the log and the answer.
     */
    static final Duration MARGIN = AwsClients.STATE_CALL_TIMEOUT.plusSeconds(1);
    private final Pipeline pipeline;
    private final String name;
    private final Clock clock;
    /** Held so the checkpoint hook stays reachable; null in tests. */
    private final SnapStartPriming priming;
    private final Supplier<LambdaSweep> sweep;

    protected FamilyEventsHandler(Family family) {
        this(family, pipelineFromEnvironment(family), Clock.systemUTC(),
                new SnapStartPriming(family, System.getenv()), Memoized.of(() -> sweepFromEnvironment(family)));
        Core.getGlobalContext().register(priming);
    }

    FamilyEventsHandler(Family family, Pipeline pipeline, Clock clock) {
        this(family, pipeline, clock, null, () -> {
            throw new IllegalStateException("this handler was built without a sweep");
        });
    }

    /** For tests: with the sweep a scheduled request runs. */
    FamilyEventsHandler(Family family, Pipeline pipeline, Clock clock, Supplier<LambdaSweep> sweep) {
        this(family, pipeline, clock, null, Memoized.of(sweep));
    }

    private FamilyEventsHandler(Family family, Pipeline pipeline, Clock clock, SnapStartPriming priming,
                                Supplier<LambdaSweep> sweep) {
        this.pipeline = pipeline;
        this.name = family.id();
        this.clock = clock;
        this.priming = priming;
        this.sweep = sweep;
    }

    private static LambdaSweep sweepFromEnvironment(Family family) {
        AwsClients clients = new AwsClients();
        Map<String, String> env = System.getenv();
        return LambdaSweep.fromEnvironment(family, env, clients, clients::sts, clients.alertClients(),
                modesFromEnvironment(family, env, clients), clients::dynamoDb);
    }

    /** The runtime modes as a deployed function reads them, its settings telemetry logged under its name. */
    private static Function<Settings, ModeSource> modesFromEnvironment(Family family, Map<String, String> env,
                                                                      AwsClients clients) {
        String function = env.getOrDefault(LAMBDA_FUNCTION_NAME, family.id());
        SettingsTelemetry telemetry = new JsonLogTelemetry(line -> LambdaRuntime.getLogger().log(line), function,
                Clock.systemUTC());
        return settings -> runtimeModes(settings, clients, telemetry);
    }

    /**
     * The function's pipeline, its modes read from the runtime settings parameter over the deploy-time modes. Nothing
     * here calls SSM: the parameter is read at the first finding with a remediation, after any SnapStart restore.
     */
    private static Pipeline pipelineFromEnvironment(Family family) {
        AwsClients clients = new AwsClients();
        Map<String, String> env = System.getenv();
        return Wiring.lambdaPipeline(family, env, clients, clients::sts, clients.alertClients(),
                modesFromEnvironment(family, env, clients), clients::dynamoDb);
    }

    /** The runtime modes; in organization mode, an account's OUs are read from AWS Organizations when needed. */
    static RuntimeModes runtimeModes(Settings settings, AwsClients clients, SettingsTelemetry telemetry) {
        String parameter = DetectionParameters.settingsParameter(settings.namePrefix());
        AccountOus ous = settings.reach().memberRoles()
                ? new CachedAccountOus(clients.listParents(MemberRoles.partitionOf(
                        System.getenv().getOrDefault(Wiring.AWS_REGION, ""))), Clock.systemUTC(), telemetry)
                : AccountOus.NOT_IN_ORGANIZATION_MODE;
        return new RuntimeModes(new SsmSettingsReader(clients.ssm(), parameter), parameter,
                settings.remediationModes(), Clock.systemUTC(), telemetry, ous);
    }

    /** The deployed function's name (the metrics' Function dimension, which the alarms select on). */
    private String functionName(Context context) {
        String deployed = context.getFunctionName();
        return deployed == null || deployed.isEmpty() ? name : deployed;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonLogTelemetry telemetry = new JsonLogTelemetry(context.getLogger()::log, functionName(context), clock);
        Optional<ScheduledRequest> scheduled = ScheduledRequest.of(event);
        if (scheduled.isPresent()) {
            output.write(scheduled(scheduled.get(), telemetry).getBytes(StandardCharsets.UTF_8));
            return;
        }
        CallBudget budget = CallBudget.of(context::getRemainingTimeInMillis, AwsClients.CALL_TIMEOUT, MARGIN);
        PipelineResult result = pipeline.process(event, "request " + context.getAwsRequestId(), telemetry, budget);
        String summary = "{\"status\":\"" + result.status() + "\",\"findings\":" + result.alerts().size() + "}";
        output.write(summary.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a scheduled request; a sweep's alert that cannot be sent throws, as an event's does. */
    private String scheduled(ScheduledRequest request, JsonLogTelemetry telemetry) {
        telemetry.heartbeat(request.id());
        return switch (request) {
            case HEARTBEAT -> "{\"status\":\"ALIVE\"}";
            case SWEEP -> {
                SweepReport report = sweep.get().sweep();
                telemetry.swept(report.line(), report.problems());
                yield "{\"status\":\"SWEPT\",\"alerts\":" + report.alerts().size() + ",\"standing\":"
                        + report.standing().size() + ",\"resolved\":" + report.resolved().size() + ",\"problems\":"
                        + report.problems().size() + "}";
            }
            case DIGEST -> "{\"status\":\"DIGEST\",\"open\":" + sweep.get().digest() + "}";
        };
    }
}
