package dev.watchpost.bench.sweep;

import dev.watchpost.bench.Results;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.sweep.AuditSweep;
import dev.watchpost.sweep.InMemoryExposureStore;
import dev.watchpost.sweep.NetworkSweep;
import dev.watchpost.sweep.Place;
import dev.watchpost.sweep.SweepReport;
import dev.watchpost.sweep.SweepRunner;
import dev.watchpost.sweep.Sweeps;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * How fast the network sweep reads and judges security-group rules, and how many API calls one sweep of one account
 * and region makes per family, against a moto server given by its endpoint ({@code --endpoint}). Plants
 * {@code --rules} ingress rules (50 per group, one group in a hundred with SSH open to the world), sweeps
 * {@code --rounds} times in DRY_RUN (plans only, nothing revoked) and prints rules per second of each round and the
 * calls by operation; with {@code --results FILE}, also as rows of {@code bench/run}'s table. Not a test: timings
 * belong here.
 */
public final class SweepBench {
    private static final int RULES_PER_GROUP = 50;
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchStarted");
    /** Time spent inside SDK calls (moto answering included), to tell it from Watchpost's own judging. */
    private static final AtomicLong CALL_NANOS = new AtomicLong();

    private SweepBench() {}

    public static void main(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        URI endpoint = URI.create(options.getOrDefault("--endpoint", "http://127.0.0.1:5000"));
        int rules = Integer.parseInt(options.getOrDefault("--rules", "10000"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ClientFactory clients = (region, credentials) -> Remediations.Clients.lazily(
                () -> build(Ec2Client.builder(), endpoint, calls),
                () -> build(CloudTrailClient.builder(), endpoint, calls),
                () -> build(EventBridgeClient.builder(), endpoint, calls));

        int open = plant(clients.clients(REGION, null).ec2(), rules);
        System.out.printf("planted %d ingress rules in %d groups (%d groups open on 22 to the world)%n", rules,
                (rules + RULES_PER_GROUP - 1) / RULES_PER_GROUP, open);
        Settings settings = Settings.fromEnvironment(Map.of());
        Optional<Path> results = Optional.ofNullable(options.get("--results")).map(Path::of);
        List<double[]> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            calls.clear();
            CALL_NANOS.set(0);
            long start = System.nanoTime();
            SweepReport report = runner(Family.NETWORK, settings, clients).run(List.of(new Place(ACCOUNT, REGION)));
            double seconds = (System.nanoTime() - start) / 1e9;
            double inCalls = CALL_NANOS.get() / 1e9;
            System.out.printf("round %d: %d rules in %.2f s = %.0f rules/s (%.2f s in SDK calls, %.2f s judging and "
                    + "planning); %d findings, %d problems; calls %s%n", round, rules, seconds, rules / seconds,
                    inCalls, seconds - inCalls, report.alerts().size(), report.problems().size(), calls);
            measured.add(new double[] {rules / seconds, inCalls, seconds});
        }
        results.ifPresent(file -> addRoundsRow(file, rules, measured));
        results.ifPresent(file -> addCallsRow(file, Family.NETWORK, calls));
        for (Family family : List.of(Family.ACCESS, Family.HARDENING, Family.AUDIT)) {
            calls.clear();
            SweepReport report = runner(family, settings, clients).run(List.of(new Place(ACCOUNT, REGION)));
            System.out.printf("%s: calls %s (problems: %s)%n", family.id(), calls, report.problems());
            results.ifPresent(file -> addCallsRow(file, family, calls));
        }
    }

    private static void addCallsRow(Path file, Family family, Map<String, AtomicInteger> calls) {
        Results.add(file, "sweep", "API calls of one sweep of one account and region, " + family.id()
                        + ", against moto", String.valueOf(calls.values().stream().mapToInt(AtomicInteger::get).sum()),
                "", "", new TreeMap<>(calls).toString());
    }

    /** The network rounds as one row: the median round's rules per second, the range, and where the time went. */
    private static void addRoundsRow(Path file, int rules, List<double[]> rounds) {
        List<double[]> sorted = rounds.stream().sorted(Comparator.comparingDouble(r -> r[0])).toList();
        double[] median = sorted.get(sorted.size() / 2);
        Results.add(file, "sweep", Results.format("network family, %,d rules against moto, DRY_RUN (%d %s)",
                        rules, rounds.size(), rounds.size() == 1 ? "round" : "rounds"), Results.format("%,.0f rules/s", median[0]),
                Results.format("%,.0f–%,.0f rules/s", sorted.getFirst()[0], sorted.getLast()[0]), "",
                Results.format("median round: %.2f s of %.2f s inside SDK calls (moto answering), the rest "
                        + "Watchpost judging and planning", median[1], median[2]));
    }

    private static SweepRunner runner(Family family, Settings settings, ClientFactory clients) {
        Detections detections = Wiring.detectionsOf(family, settings);
        Remediator planOnly = Remediator.planOnly(Remediations.forDetections(detections.ids(),
                settings.exemptTagKey(), Clock.systemUTC()), settings.remediationModes());
        return new SweepRunner(Sweeps.of(family, detections, settings.namePrefix(), NetworkSweep.MAX_PAGE,
                Optional.of(new AuditSweep.RuleHome(ACCOUNT, REGION, ""))),
                new OwnAccountTargets(ACCOUNT, clients), planOnly, List.of(), new InMemoryExposureStore(),
                Clock.systemUTC(), 1);
    }

    /** Plants the rules; returns how many groups are open on SSH to the world. */
    private static int plant(Ec2Client ec2, int rules) {
        int open = 0;
        for (int group = 0; group * RULES_PER_GROUP < rules; group++) {
            String id = ec2.createSecurityGroup(r -> r.groupName("bench-" + System.nanoTime())
                    .description("bench")).groupId();
            List<IpPermission> permissions = new ArrayList<>();
            int count = Math.min(RULES_PER_GROUP, rules - group * RULES_PER_GROUP);
            for (int i = 0; i < count; i++) {
                boolean world = group % 100 == 0 && i == 0;
                int port = world ? 22 : 1024 + i;
                String cidr = world ? "0.0.0.0/0" : "10." + (group % 250) + "." + i + ".0/24";
                permissions.add(IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                        .ipRanges(r -> r.cidrIp(cidr)).build());
            }
            open += group % 100 == 0 ? 1 : 0;
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permissions));
        }
        return open;
    }

    private static <B extends AwsClientBuilder<B, C>, C> C build(B builder, URI endpoint,
                                                               Map<String, AtomicInteger> calls) {
        return builder.endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABENCH", "b")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(
                        new ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(Context.BeforeExecution context,
                                                        ExecutionAttributes attributes) {
                                attributes.putAttribute(STARTED, System.nanoTime());
                            }

                            @Override
                            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                                count(attributes, "");
                            }

                            @Override
                            public void onExecutionFailure(Context.FailedExecution context,
                                                           ExecutionAttributes attributes) {
                                count(attributes, " (failed)");
                            }

                            private void count(ExecutionAttributes attributes, String suffix) {
                                calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                                        + suffix, name -> new AtomicInteger()).incrementAndGet();
                                CALL_NANOS.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
                            }
                        }).build())
                .build();
    }
}
