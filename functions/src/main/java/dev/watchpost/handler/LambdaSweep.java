package dev.watchpost.handler;

import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.audit.WatchpostResources;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.sweep.AuditSweep;
import dev.watchpost.sweep.DynamoDbExposureStore;
import dev.watchpost.sweep.Exposure;
import dev.watchpost.sweep.ExposureStore;
import dev.watchpost.sweep.InMemoryExposureStore;
import dev.watchpost.sweep.NetworkSweep;
import dev.watchpost.sweep.StackSetAccounts;
import dev.watchpost.sweep.SweepCoverage;
import dev.watchpost.sweep.SweepDigest;
import dev.watchpost.sweep.SweepReport;
import dev.watchpost.sweep.SweepRunner;
import dev.watchpost.sweep.Sweeps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudformation.model.CallAs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A family function's scheduled sweep: its own account and, in an organization deployment, the member accounts
 * {@link SweepCoverage} finds at each sweep (listed in {@link SweepSettings#accounts}, and deployed to by the
 * member-roles StackSet when {@link SweepSettings#discoverAs} is set), in each listed region, through the same
 * {@code Targets}, remediator and alert sinks as its events, in the same modes (the runtime settings parameter over
 * the deploy-time modes, so the kill switch stops a sweep's remediation too); the memory is the state table when one
 * is named, else this container's. Built on the first scheduled request, never at init, so events pay nothing for
 * it. Thread-safe.
 */
final class LambdaSweep {
    private final Family family;
    private final SweepRunner runner;
    private final SweepCoverage coverage;
    private final ExposureStore store;
    private final SnsClient sns;
    private final String topicArn;
    private final Clock clock;

    private LambdaSweep(Family family, SweepRunner runner, SweepCoverage coverage, ExposureStore store, SnsClient sns,
                        String topicArn, Clock clock) {
        this.family = family;
        this.runner = runner;
        this.coverage = coverage;
        this.store = store;
        this.sns = sns;
        this.topicArn = topicArn;
        this.clock = clock;
    }

    static LambdaSweep fromEnvironment(Family family, Map<String, String> env, AwsClients clients,
                                       Supplier<StsClient> sts, AlertClients alertClients,
                                       Function<Settings, ModeSource> modes, Supplier<DynamoDbClient> dynamo) {
        Settings settings = Settings.fromEnvironment(env);
        String ownRegion = env.getOrDefault(Wiring.AWS_REGION, "");
        SweepSettings sweep = SweepSettings.fromEnvironment(env, ownRegion);
        Clock clock = Clock.systemUTC();
        Detections detections = Wiring.detectionsOf(family, settings);
        String own = settings.reach().ownAccount();
        boolean members = settings.reach().memberRoles();
        SweepCoverage coverage = new SweepCoverage(own, members ? sweep.accounts() : List.of(), sweep.regions(),
                sweep.discoverAs().filter(callAs -> members).map(callAs -> new StackSetAccounts(
                        clients.cloudFormation(), WatchpostResources.memberRolesStackSet(settings.namePrefix()),
                        CallAs.fromValue(callAs))));
        Optional<AuditSweep.RuleHome> ruleHome = Optional.of(new AuditSweep.RuleHome(own, ownRegion,
                members ? settings.namePrefix() : ""));
        ExposureStore store = settings.stateTable().isEmpty() ? new InMemoryExposureStore()
                : new DynamoDbExposureStore(dynamo.get(), settings.stateTable());
        SweepRunner runner = new SweepRunner(Sweeps.of(family, detections, settings.namePrefix(),
                NetworkSweep.MAX_PAGE, ruleHome), Wiring.targets(family, settings, env, clients, sts, clock),
                Wiring.remediator(family, settings, env, clients, sts, clock, modes.apply(settings)),
                Wiring.alertSinks(settings, env, alertClients), store, clock, sweep.concurrency());
        return new LambdaSweep(family, runner, coverage, store, alertClients.sns(), settings.topicArn(), clock);
    }

    /** Sweeps the places found now; accounts not swept, and a failed discovery, come first among the problems. */
    SweepReport sweep() {
        SweepCoverage.Plan plan = coverage.plan();
        return runner.run(plan.places()).withProblemsFirst(plan.problems());
    }

    /**
     * Publishes the digest of this family's remembered exposures and of the accounts sweeps do not cover now; returns
     * how many exposures it lists.
     */
    int digest() {
        List<Exposure> open = store.all().stream()
                .filter(exposure -> exposure.detection().startsWith(family.id() + ".")).toList();
        List<String> notSwept = coverage.plan().notSwept();
        sns.publish(r -> r.topicArn(topicArn).subject(SweepDigest.subject(family, open))
                .message(SweepDigest.text(family, open, notSwept, clock.instant()))
                .messageAttributes(Map.of(SweepDigest.KIND_ATTRIBUTE, MessageAttributeValue.builder()
                        .dataType("String").stringValue(SweepDigest.KIND).build())));
        return open.size();
    }
}
