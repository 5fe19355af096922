package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.audit.RegionWithoutTrail;
import dev.watchpost.moto.MotoPerClass;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The audit sweep against moto: a trail that never started logging, single-region and without log-file validation; a
 * healthy trail whose selectors record only reads; and Watchpost's own rules, one disabled and two missing. Neither
 * trail records management writes, so every region is without a trail until one that does is added: a single-region
 * trail covers its own region only, a multi-region one (seen elsewhere as a shadow trail) every region unless it is
 * stopped.
 */
class AuditSweepMotoTest {
    private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
    private static final String REGION = "us-east-1";
    private static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();
    private static MotoClients clients;

    @BeforeAll
    static void startMoto() {
        clients = new MotoClients(MOTO.server());
    }

    @BeforeEach
    void plant() throws IOException, InterruptedException {
        HttpResponse<String> bucket = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                MOTO.uri().resolve("/trail-logs")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bucket.statusCode(), bucket.body());
    }

    /** A stopped single-region trail, a read-only multi-region one, and Watchpost's rules partly gone. */
    private static void plantWeakTrailsAndRules() {
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
        plantWeakTrailsAndRules();
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
                "audit.detector-tampered CRITICAL", "Watchpost rule watchpost-audit is missing",
                "audit.region-without-trail HIGH", "No CloudTrail trail logs management events in us-east-1"), titles,
                found.stream().map(Finding::title).toList().toString());
        assertEquals(List.of("Watchpost rule watchpost-access is disabled", "Watchpost rule watchpost-hardening is "
                + "missing", "Watchpost rule watchpost-audit is missing"), found.stream()
                .filter(f -> f.detection().id().equals("audit.detector-tampered")).map(Finding::title).toList());
    }

    @Test
    void flagsTheRegionWithoutATrail_notTheRegionWithItsOwnLoggingTrail() {
        CloudTrailClient virginia = clients.clients(REGION, null).cloudTrail();
        virginia.createTrail(r -> r.name("virginia-only").s3BucketName("trail-logs"));
        virginia.startLogging(r -> r.name("virginia-only"));
        CloudTrailClient ireland = clients.clients("eu-west-1", null).cloudTrail();
        ireland.createTrail(r -> r.name("ireland-only").s3BucketName("trail-logs"));
        ireland.startLogging(r -> r.name("ireland-only"));

        assertEquals(List.of(), regionsWithoutTrail("eu-west-1"));
        assertEquals(List.of("HIGH No CloudTrail trail logs management events in ap-southeast-2"),
                regionsWithoutTrail("ap-southeast-2"));
    }

    @Test
    void aLoggingMultiRegionTrailCoversEveryRegion() {
        CloudTrailClient virginia = clients.clients(REGION, null).cloudTrail();
        virginia.createTrail(r -> r.name("everywhere").s3BucketName("trail-logs").isMultiRegionTrail(true));
        virginia.startLogging(r -> r.name("everywhere"));

        for (String region : List.of(REGION, "eu-west-1", "ap-southeast-2")) {
            assertEquals(List.of(), regionsWithoutTrail(region), region);
        }
    }

    @Test
    void aStoppedMultiRegionTrailCoversNoRegion() {
        clients.clients(REGION, null).cloudTrail().createTrail(r -> r.name("everywhere-stopped")
                .s3BucketName("trail-logs").isMultiRegionTrail(true));

        assertEquals(List.of("HIGH No CloudTrail trail logs management events in eu-west-1"),
                regionsWithoutTrail("eu-west-1"));
    }

    private static List<String> regionsWithoutTrail(String region) {
        Sweep sweep = Sweeps.of(Family.AUDIT, Wiring.detectionsOf(Family.AUDIT, Settings.fromEnvironment(Map.of())),
                "watchpost", 5, Optional.empty());
        return sweep.findings(clients.clients(region, null), ACCOUNT, region, AT).stream()
                .filter(f -> f.detection().id().equals(RegionWithoutTrail.ID))
                .map(f -> f.severity() + " " + f.title()).toList();
    }
}
