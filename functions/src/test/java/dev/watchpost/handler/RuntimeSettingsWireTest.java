package dev.watchpost.handler;

import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.MovableClock;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.pipeline.SsmSettingsReader;
import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.wire.WireServer.Reply;
import dev.watchpost.wire.WireServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function's settings reader against a loopback server playing SSM, for what moto cannot do: answer
 * {@code GetParameter} with throttling and 5xx. After the SDK's retries the last good settings stay in force (the
 * deploy-time modes at a cold start), and each failed read is counted in the {@code SettingsUnavailable} metric.
 * A deleted parameter is read the same way.
 */
class RuntimeSettingsWireTest {
    private static final String PARAMETER = "/watchpost/settings";
    private static final String SG = "network.sg-admin-port-open";
    private static final String ACTION = "GetParameter";

    private final WireServer server = new WireServer();
    private final AwsClients clients = new AwsClients(new AwsClients.Endpoint(server.uri(), Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAWIRE000000000000", "wire"))));
    private final List<String> log = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final RuntimeModes modes = new RuntimeModes(new SsmSettingsReader(clients.ssm(), PARAMETER), PARAMETER,
            Map.of(SG, RemediationMode.DRY_RUN), clock, new JsonLogTelemetry(log::add, "watchpost-network",
            Clock.systemUTC()));

    @AfterEach
    void stop() {
        server.close();
    }

    private static Reply value(String json) {
        String escaped = json.replace("\\", "\\\\").replace("\"", "\\\"");
        return Reply.json(200, "{\"Parameter\":{\"Name\":\"" + PARAMETER + "\",\"Type\":\"String\",\"Value\":\""
                + escaped + "\",\"Version\":2}}");
    }

    private static Reply error(int status, String type, String message) {
        return Reply.json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    private ModeDecision decide() {
        return modes.decide(SG, "123456789012", RemediationMode.ENFORCE);
    }

    private long unavailableCount() {
        return log.stream().filter(line -> line.contains("\"" + JsonLogTelemetry.SETTINGS_UNAVAILABLE + "\":1"))
                .count();
    }

    @Test
    void ssmAnswering5xxAtAColdStart_usesTheDeployModes_andIsCounted() {
        server.on(ACTION, error(500, "InternalServerError", "internal error"));

        assertEquals(new ModeDecision.Use(RemediationMode.DRY_RUN), decide());

        assertEquals(4, server.requests(ACTION).size(), "the SDK's default retries: three after the first attempt");
        assertEquals(1, unavailableCount(), log.toString());
        assertTrue(log.getLast().contains("using the deploy-time modes"), log.getLast());
    }

    @Test
    void ssmThrottling_keepsTheLastGoodSettings_andIsCounted() {
        server.on(ACTION, value("{\"remediation\":\"off\"}"));
        assertEquals(ModeDecision.SwitchedOff.class, decide().getClass());

        server.on(ACTION, error(400, "ThrottlingException", "Rate exceeded"));
        clock.advance(RuntimeModes.CACHE_TIME);

        assertEquals(ModeDecision.SwitchedOff.class, decide().getClass(), "the kill switch stays on");
        assertEquals(1, unavailableCount(), log.toString());
        assertTrue(log.getLast().contains("ThrottlingException"), log.getLast());
        assertTrue(log.getLast().contains("keeping the last good settings"), log.getLast());
    }

    @Test
    void readsNothingWithinTheCacheTime_evenWhenTheLastReadFailed() {
        server.on(ACTION, error(500, "InternalServerError", "internal error"));
        decide();
        int requests = server.requests(ACTION).size();

        decide();

        assertEquals(requests, server.requests(ACTION).size());
    }

    @Test
    void aDeletedParameter_keepsTheLastGoodSettings_soDeletingItCannotUndoTheKillSwitch() {
        server.on(ACTION, value("{\"remediation\":\"off\"}"));
        decide();
        server.on(ACTION, error(400, "ParameterNotFound", ""));
        clock.advance(RuntimeModes.CACHE_TIME);

        assertEquals(ModeDecision.SwitchedOff.class, decide().getClass());
        assertTrue(log.getLast().contains("ParameterNotFoundException"), log.getLast());
    }
}
