package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.Remediations;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The audit sweep against moto: a trail that never started logging, single-region and without log-file validation; a
 * healthy trail whose selectors record only reads; and Watchpost's own rules, one disabled and two missing.
 */
class AuditSweepMotoTest {
    private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
    private static final String REGION = "us-east-1";
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");
    private static MotoServer moto;
    private static MotoClients clients;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        clients = new MotoClients(moto);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void plant() throws IOException, InterruptedException {
        moto.reset();
        HttpResponse<String> bucket = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                moto.uri().resolve("/trail-logs")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bucket.statusCode(), bucket.body());
        Remediations.Clients here = clients.clients(REGION, null);
        CloudTrailClient cloudTrail = here.cloudTrail();
        cloudTrail.createTrail(r -> r.name("stopped").s3BucketName("trail-logs"));
        cloudTrail.createTrail(r -> r.name("reads-only").s3BucketName("trail-logs").isMultiRegionTrail(true)
                .enableLogFileValidation(true));
        cloudTrail.startLogging(r -> r.name("reads-only"));
        cloudTrail.putEventSelectors(r -> r.trailName("reads-only").eventSelectors(s -> s
                .readWriteType(ReadWriteType.READ_ONLY).includeManagementEvents(true)));
        EventBridgeClient events = here.events();
        events.putRule(r -> r.name("watchpost-network").eventPattern("{\"source\":[\"aws.ec2\"]}"));
        events.putRule(r -> r.name("watchpost-access").eventPattern("{\"source\":[\"aws.ec2\"]}"));
        events.disableRule(r -> r.name("watchpost-access"));
    }

    @Test
    void findsTheStoppedWeakenedAndReadOnlyTrails_andTheDisabledAndMissingRules() {
        Settings settings = Settings.fromEnvironment(Map.of());
        Detections detections = Wiring.detectionsOf(Family.AUDIT, settings);
        Sweep sweep = Sweeps.of(Family.AUDIT, detections, "watchpost", 5,
                Optional.of(new AuditSweep.RuleHome(ACCOUNT, REGION, "")));

        List<Finding> found = sweep.findings(clients.clients(REGION, null), ACCOUNT, REGION, AT);

        Map<String, String> titles = new TreeMap<>();
        found.forEach(f -> titles.put(f.detection().id() + " " + f.severity(), f.title()));
        assertEquals(Map.of(
                "audit.trail-logging-stopped CRITICAL", "CloudTrail logging stopped on stopped",
                "audit.trail-weakened HIGH",
                "CloudTrail trail stopped weakened: multi-region logging off, log file validation off",
                "audit.management-events-dropped HIGH", "Write management events no longer recorded by reads-only",
                "audit.detector-tampered CRITICAL", "Watchpost rule watchpost-audit is missing"), titles,
                found.stream().map(Finding::title).toList().toString());
        assertEquals(List.of("Watchpost rule watchpost-access is disabled", "Watchpost rule watchpost-hardening is "
                + "missing", "Watchpost rule watchpost-audit is missing"), found.stream()
                .filter(f -> f.detection().id().equals("audit.detector-tampered")).map(Finding::title).toList());
    }
}
