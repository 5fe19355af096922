package dev.watchpost.handler;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.alert.Alert;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.Telemetry;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SnapStart priming: just before Lambda snapshots an initialised function version, runs the family's sample events
 * (the fixtures of {@code events/}, packaged in the jar) through a pipeline built like the function's by
 * {@link Wiring}, with every remediation of the family in {@code ENFORCE} and SDK clients whose HTTP client answers
 * locally ({@link PrimingHttpClient}). The snapshot then holds, loaded, initialised and compiled: JSON parsing,
 * routing, every detection of the family (firing and not firing), remediation planning and applying, the alert's SNS
 * message, e-mail text and finding JSON, the EMF log lines, the claims in the state table when the function has one,
 * and the SDK's endpoint resolution, request marshalling, signing and response unmarshalling for each call the family
 * makes. Nothing is sent anywhere: the state table's writes are answered locally too, and never reach the table.
 *
 * <p>Kept out of the snapshot: the function's credentials (the priming clients sign with fixed dummy keys; the
 * function's own clients are never called, so they resolve credentials at the first real event), open connections (none
 * is opened), random seeds of Watchpost's own (it has none; the SDK's invocation ids come from {@code SecureRandom},
 * which Lambda's managed runtimes keep unique across restores) and the runtime settings (the priming pipelines use the
 * deploy-time modes and never call SSM; the function's {@link dev.watchpost.pipeline.RuntimeModes} reads the parameter
 * at its first finding after a restore). The function's own pipeline, and so its dedup caches, are not touched. The
 * handler keeps a strong reference to this resource, since CRaC contexts may hold resources weakly. Not thread-safe;
 * Lambda calls the hooks once.
 */
public final class SnapStartPriming implements Resource {
    /** Where the sample events are in the jar (copied from {@code events/} at build time). */
    static final String SAMPLES = "/dev/watchpost/handler/priming/";
    /** Enough rounds for the hot paths to be compiled; bounded by {@link #BUDGET} as well. */
    static final int ROUNDS = 200;
    static final Duration BUDGET = Duration.ofSeconds(5);
    /** The account every sample event is from (the fixtures' convention). */
    static final String SAMPLE_ACCOUNT = "123456789012";
    private static final AwsBasicCredentials DUMMY = AwsBasicCredentials.create("AKIAPRIMINGONLY00000", "priming");

    private final Family family;
    private final Map<String, String> env;
    private final int maxRounds;
    private final Duration budget;

    /**
     * What one priming did.
     *
     * @param rounds     times every sample went through a fresh pipeline
     * @param samples    sample events of the family
     * @param findings   findings raised, by detection id
     * @param requests   SDK requests marshalled and answered locally, by service and operation
     * @param unanswered SDK requests that had no canned answer (and so failed), by service and operation
     * @param outcomes   the kinds of outcome each remediation ended with ({@code applied} when the locally answered
     *                   calls went through), by remediation id
     * @param took       how long it took
     */
    public record Report(int rounds, int samples, Map<String, Integer> findings, Map<String, Integer> requests,
                         Map<String, Integer> unanswered, Map<String, Set<String>> outcomes, Duration took) {
        String line() {
            return "SnapStart priming: " + rounds + " rounds of " + samples + " sample events, " + requests
                    + " SDK requests answered locally, in " + took.toMillis() + " ms; findings " + findings
                    + (unanswered.isEmpty() ? "" : "; no canned answer for " + unanswered);
        }
    }

    /** Primes the {@code family}'s function configured by {@code env} (the function's environment). */
    public SnapStartPriming(Family family, Map<String, String> env) {
        this(family, env, ROUNDS, BUDGET);
    }

    /** For tests: at most {@code maxRounds} rounds, stopping after {@code budget}. */
    SnapStartPriming(Family family, Map<String, String> env, int maxRounds, Duration budget) {
        this.family = family;
        this.env = Map.copyOf(env);
        this.maxRounds = maxRounds;
        this.budget = budget;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            LambdaRuntime.getLogger().log(prime().line());
        } catch (RuntimeException e) {
            // A failed priming only costs the first event its warm-up; the snapshot must still be taken.
            LambdaRuntime.getLogger().log("SnapStart priming failed: " + e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: priming left no connection, credential or seed behind.
    }

    /** Runs the samples through fresh pipelines, {@link #ROUNDS} times or until {@link #BUDGET} is spent. */
    public Report prime() {
        return prime(new PrimingHttpClient());
    }

    /** As above, with the SDK clients' requests answered (and remembered) by {@code http}. */
    Report prime(PrimingHttpClient http) {
        long started = System.nanoTime();
        List<byte[]> samples = samples(family);
        Map<String, String> primingEnv = primingEnvironment();
        Region region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(DUMMY);
        Telemetry telemetry = new JsonLogTelemetry(line -> { }, family.id(), Clock.systemUTC());
        Map<String, Integer> findings = new TreeMap<>();
        Map<String, Set<String>> outcomes = new TreeMap<>();
        int rounds = 0;
        try (Ec2Client ec2 = Ec2Client.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .build();
             CloudTrailClient cloudTrail = CloudTrailClient.builder().httpClient(http).region(region)
                     .credentialsProvider(credentials).build();
             SnsClient sns = SnsClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                     .build();
             // Only a function with a state table loads DynamoDB's client (null: try-with-resources skips it).
             DynamoDbClient dynamo = primingEnv.getOrDefault(Settings.STATE_TABLE, "").isBlank() ? null
                     : DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                             .build()) {
            Remediations.Clients clients = Remediations.Clients.of(ec2, cloudTrail);
            ClientFactory anyRegion = (where, who) -> clients;
            Supplier<StsClient> noSts = () -> {
                throw new IllegalStateException("priming acts in the samples' own account only");
            };
            long deadline = started + budget.toNanos();
            while (rounds < maxRounds && System.nanoTime() < deadline) {
                Pipeline pipeline = Wiring.lambdaPipeline(family, primingEnv, anyRegion, noSts,
                        AlertClients.snsOnly(sns), Wiring::deployModes, () -> dynamo);
                for (byte[] sample : samples) {
                    count(pipeline.process(sample, "priming", telemetry).alerts(), findings, outcomes);
                }
                rounds++;
            }
        }
        Map<String, Integer> requests = new TreeMap<>();
        Map<String, Integer> unanswered = new TreeMap<>();
        http.calls().forEach(call -> (call.answered() ? requests : unanswered).merge(call.name(), 1, Integer::sum));
        return new Report(rounds, samples.size(), findings, requests, unanswered, outcomes,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Counts the alerts' findings by detection and notes how each remediation ended. */
    private static void count(List<Alert> alerts, Map<String, Integer> findings, Map<String, Set<String>> outcomes) {
        for (Alert alert : alerts) {
            findings.merge(alert.finding().detection().id(), 1, Integer::sum);
            alert.outcome().ifPresent(outcome -> outcomes.computeIfAbsent(outcome.plan().action(),
                    action -> new TreeSet<>()).add(outcome.kind()));
        }
    }

    /**
     * The function's settings, with every remediation of the family enforced, a topic even if none is set, and the
     * samples' account as the own account (never member roles), so remediations are planned and applied.
     */
    private Map<String, String> primingEnvironment() {
        Map<String, String> out = new HashMap<>(env);
        out.put(Settings.ACCOUNT_ID, SAMPLE_ACCOUNT);
        out.remove(Settings.MEMBER_ROLES);
        if (out.getOrDefault(Settings.TOPIC_ARN, "").isBlank()) {
            out.put(Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:watchpost-priming");
        }
        Set<String> ids = Wiring.detectionsOf(family, Settings.defaults()).ids();
        out.put(Settings.REMEDIATION_MODES, Remediations.catalog().stream().map(RemediationInfo::detectionId)
                .filter(ids::contains).map(id -> id + "=ENFORCE").collect(Collectors.joining(",")));
        return out;
    }

    /**
     * The family's sample events, as listed in the packaged {@code expectations.json}: those under the family's folder,
     * and those elsewhere that one of its detections fires on (the hardening family watches the audit rule).
     */
    static List<byte[]> samples(Family family) {
        JsonNode index;
        try (InputStream in = resource("expectations.json")) {
            index = CloudTrailEvent.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the priming samples' index", e);
        }
        List<byte[]> out = new ArrayList<>();
        for (String name : (Iterable<String>) () -> index.fieldNames()) {
            boolean firesHere = false;
            for (JsonNode id : index.path(name)) {
                firesHere |= id.asText().startsWith(family.id() + ".");
            }
            if (name.startsWith(family.id() + "/") || firesHere) {
                try (InputStream in = resource(name)) {
                    out.add(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read priming sample " + name, e);
                }
            }
        }
        return out;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IOException("not in the jar: " + SAMPLES + name);
        }
        return in;
    }
}
