package dev.watchpost.handler;

import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.MovableClock;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.wire.WireServer.Reply;
import dev.watchpost.wire.WireServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function's OU lookup against a loopback server playing AWS Organizations: the exact signed JSON 1.1 request,
 * the walk up to the root, and what moto cannot do, access denied and a 5xx, which make the mode at most DRY_RUN with
 * the reason and are counted in {@code OuLookupFailures}.
 */
class ListParentsWireTest {
    private static final String ACTION = "ListParents";
    private static final String SG = "network.sg-admin-port-open";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String ACCOUNT = "111111111111";
    private static final String PRODUCTION = "ou-ab12-prod0001";
    private static final String ROOT = "r-ab12";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=AKIAWIRE000000000000/"
            + "\\d{8}/us-east-1/organizations/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, "
            + "Signature=[0-9a-f]{64}");

    private final WireServer server = new WireServer();
    private final AwsClients clients = new AwsClients(new AwsClients.Endpoint(server.uri(), Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAWIRE000000000000", "wire"))));
    private final List<String> log = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final JsonLogTelemetry telemetry = new JsonLogTelemetry(log::add, "watchpost-network", clock);
    private String settings = "{\"ous\":{\"" + PRODUCTION + "\":{\"mode\":\"ENFORCE\"}}}";
    private final RuntimeModes modes = new RuntimeModes(() -> settings, PARAMETER, Map.of(), clock, telemetry,
            new CachedAccountOus(clients.listParents("aws"), clock, telemetry));

    @AfterEach
    void stop() {
        server.close();
    }

    private static Reply parent(String id, String type) {
        return Reply.json(200, "{\"Parents\":[{\"Id\":\"" + id + "\",\"Type\":\"" + type + "\"}]}");
    }

    /** The mode where the detection's own default is OFF: ENFORCE comes from the OU only. */
    private ModeDecision decide() {
        return modes.decide(SG, ACCOUNT, RemediationMode.OFF);
    }

    /** The mode where every source but the unread OU would say ENFORCE. */
    private ModeDecision decideWhereTheDefaultEnforces() {
        return modes.decide(SG, ACCOUNT, RemediationMode.ENFORCE);
    }

    private long failuresCounted() {
        return log.stream().filter(line -> line.contains("\"" + JsonLogTelemetry.OU_LOOKUP_FAILURES + "\":1"))
                .count();
    }

    @Test
    void asksListParentsFromTheAccountUpToTheRoot_signedForOrganizationsInUsEast1() {
        server.on(ACTION, parent(PRODUCTION, "ORGANIZATIONAL_UNIT"), parent(ROOT, "ROOT"));

        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), decide());

        List<WireServer.Request> requests = server.requests(ACTION);
        assertEquals(2, requests.size());
        assertEquals("{\"ChildId\":\"" + ACCOUNT + "\"}", requests.get(0).body());
        assertEquals("{\"ChildId\":\"" + PRODUCTION + "\"}", requests.get(1).body());
        for (WireServer.Request request : requests) {
            assertEquals("POST", request.method());
            assertEquals("/", request.path());
            assertEquals("AWSOrganizationsV20161128.ListParents", request.headers().get("x-amz-target"));
            assertEquals("application/x-amz-json-1.1", request.headers().get("content-type"));
            String authorization = request.headers().get("authorization");
            assertTrue(AUTHORIZATION.matcher(authorization).matches(), authorization);
        }
    }

    @Test
    void aKnownPath_isNotAskedAgainWithinItsTimeToLive_butIsAfter() {
        server.on(ACTION, parent(ROOT, "ROOT"));
        decide();
        clock.advance(CachedAccountOus.TTL.minusSeconds(1));
        decide();
        assertEquals(1, server.requests(ACTION).size());

        clock.advance(CachedAccountOus.TTL);
        decide();
        assertEquals(2, server.requests(ACTION).size());
    }

    @Test
    void accessDenied_makesTheModeAtMostDryRun_saysWhy_andIsCounted() {
        server.on(ACTION, Reply.json(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have "
                + "permissions to access this resource.\"}"));

        var use = assertInstanceOf(ModeDecision.Use.class, decideWhereTheDefaultEnforces());

        assertEquals(RemediationMode.DRY_RUN, use.mode());
        assertTrue(use.note().contains("could not be read (organizations:ListParents failed: AccessDeniedException "
                + "(HTTP 400): You don't have permissions to access this resource.)"), use.note());
        assertTrue(use.note().contains("at most DRY_RUN"), use.note());
        assertEquals(1, failuresCounted(), log.toString());
    }

    @Test
    void aServerError_makesTheModeAtMostDryRun_isCountedOnce_andIsAskedAgainAfterAMinute() {
        server.on(ACTION, Reply.json(500, "{\"__type\":\"ServiceException\",\"Message\":\"internal\"}"));

        var use = assertInstanceOf(ModeDecision.Use.class, decideWhereTheDefaultEnforces());
        decideWhereTheDefaultEnforces();

        assertEquals(RemediationMode.DRY_RUN, use.mode());
        assertTrue(use.note().contains("ServiceException (HTTP 500): internal"), use.note());
        assertEquals(1, server.requests(ACTION).size(), "a failure is remembered briefly");
        assertEquals(1, failuresCounted(), log.toString());

        clock.advance(CachedAccountOus.FAILURE_TTL);
        server.on(ACTION, parent(PRODUCTION, "ORGANIZATIONAL_UNIT"), parent(ROOT, "ROOT"));
        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), decide());
    }

    @Test
    void settingsWithoutOus_neverAskOrganizations() {
        settings = "{\"accounts\":{\"" + ACCOUNT + "\":{\"mode\":\"ENFORCE\"}}}";

        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), decide());

        assertEquals(List.of(), server.requests());
    }
}
