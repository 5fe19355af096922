package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.moto.OpenSshGroups;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.RuntimeModes;
import dev.watchpost.pipeline.SsmSettingsReader;
import dev.watchpost.pipeline.TestWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The central account of an organization deployment in moto, for tests of runtime settings across member accounts:
 * its settings parameter, its network pipeline reading that parameter, and the one alert an event raised.
 */
final class CentralDeployment {
    static final String CENTRAL = MotoServer.DEFAULT_ACCOUNT;
    static final String REGION = "us-east-1";
    static final String PARAMETER = "/watchpost/settings";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000001", "central-secret"));
    private static final Map<String, String> ENV = Map.of(
            Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:" + CENTRAL + ":watchpost-alerts",
            Settings.ACCOUNT_ID, CENTRAL, Settings.MEMBER_ROLES, "true", "AWS_REGION", REGION);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CentralDeployment() {}

    /** Writes the settings parameter. */
    static void putSettings(MotoServer moto, String value) {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.uri()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).build()) {
            ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value(value));
        }
    }

    /** The central network pipeline, its modes from the parameter, OUs read with ListParents from moto. */
    private static Pipeline networkPipeline(MotoServer moto, FakeSns sns, JsonLogTelemetry telemetry) {
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(moto.uri(), Region.of(REGION), CREDENTIALS));
        return TestWiring.lambdaPipeline(Family.NETWORK, ENV, clients, clients::sts, AlertClients.snsOnly(sns),
                settings -> new RuntimeModes(new SsmSettingsReader(clients.ssm(), PARAMETER), PARAMETER,
                        settings.remediationModes(), Clock.systemUTC(), telemetry,
                        new CachedAccountOus(clients.listParents("aws"), Clock.systemUTC(), telemetry)));
    }

    /** The central network function on moto, built after the settings are written, publishing to a fake topic. */
    static final class NetworkFunction {
        private final FakeSns sns = new FakeSns();
        private final JsonLogTelemetry telemetry = new JsonLogTelemetry(line -> { }, "watchpost-network",
                Clock.systemUTC());
        private final MotoServer moto;
        private final Pipeline pipeline;

        NetworkFunction(MotoServer moto) {
            this.moto = moto;
            this.pipeline = networkPipeline(moto, sns, telemetry);
        }

        /** Handles the event of opening the group; the one alert published. */
        JsonNode handle(OpenSshGroups.Opened opened) {
            pipeline.process(OpenSshGroups.event(opened), "moto test", telemetry);
            return onlyAlert(sns);
        }

        /**
         * Opens SSH to the world in {@code account}, handles the event, and asserts the outcome's status and whether
         * the group is still open; the outcome.
         */
        JsonNode outcomeOfOpeningSshIn(String account, String status, boolean remainsOpen) {
            OpenSshGroups.Opened opened = OpenSshGroups.open(moto, account, CREDENTIALS);
            JsonNode alert = handle(opened);
            JsonNode outcome = alert.path("outcome");
            assertEquals(status, outcome.path("status").asText(), alert.toString());
            assertEquals(remainsOpen, OpenSshGroups.stillOpen(moto, opened, CREDENTIALS), "still open");
            return outcome;
        }
    }

    /** The one alert published, as its JSON document. */
    static JsonNode onlyAlert(FakeSns sns) {
        assertEquals(1, sns.published.size(), "one alert");
        try {
            return MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
