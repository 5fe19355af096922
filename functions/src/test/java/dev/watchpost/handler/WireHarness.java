package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.TestWiring;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.wire.WireServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A family's Lambda handler wired exactly as in production (real {@link AwsClients} configuration, real SDK clients,
 * real pipeline) except that every client talks to one loopback {@link WireServer}. Keeps the handler, hence the
 * pipeline's dedup memory, across invocations, as a warm container does. Closing it stops the server.
 */
final class WireHarness implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final WireServer server = new WireServer();
    final FakeContext context = new FakeContext();
    private final FamilyEventsHandler handler;

    WireHarness(Family family) {
        AwsClients clients = clients();
        Pipeline pipeline = TestWiring.lambdaPipeline(family,
                env(Map.of(Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT)),
                clients, clients::sts, clients.sns());
        this.handler = new FamilyEventsHandler(family, pipeline, Clock.systemUTC()) {};
    }

    /** With every alert client (Security Hub's too) and exactly these settings added to the environment. */
    WireHarness(Family family, Map<String, String> settings) {
        AwsClients clients = clients();
        Pipeline pipeline = Wiring.lambdaPipeline(family, env(settings), clients, clients::sts,
                clients.alertClients(), Wiring::deployModes, clients::dynamoDb);
        this.handler = new FamilyEventsHandler(family, pipeline, Clock.systemUTC()) {};
    }

    private AwsClients clients() {
        return new AwsClients(new AwsClients.Endpoint(server.uri(), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wire-test-secret"))));
    }

    private static Map<String, String> env(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put(Settings.TOPIC_ARN, FixtureDeployment.TOPIC);
        env.put(Settings.OWN_ROLE_ARNS, String.join(",", FixtureDeployment.OWN_ROLES));
        return env;
    }

    /** Invokes the handler with a fixture; returns its answer, or throws what it throws. */
    String invoke(String fixture) throws IOException {
        return invoke(Fixtures.bytes(fixture));
    }

    /** Invokes the handler with an event; returns its answer, or throws what it throws. */
    String invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The finding documents of the publishes SNS received, whether or not SNS accepted them. */
    List<JsonNode> publishedFindings() {
        return server.requests("Publish").stream().map(r -> finding(r.form().get("Message"))).toList();
    }

    /** The one finding document published, failing the test when there is not exactly one. */
    JsonNode onlyPublishedFinding() {
        List<JsonNode> findings = publishedFindings();
        assertEquals(1, findings.size(), findings.toString());
        return findings.getFirst();
    }

    /** Asserts that the one finding published has the outcome {@code status}, its summary holding {@code inSummary}. */
    void assertPublishedOutcome(String status, String inSummary) {
        JsonNode outcome = onlyPublishedFinding().path("outcome");
        assertEquals(status, outcome.path("status").asText());
        assertTrue(outcome.path("summary").asText().contains(inSummary), outcome.toString());
    }

    @Override
    public void close() {
        server.close();
    }

    private static JsonNode finding(String message) {
        try {
            return MAPPER.readTree(MAPPER.readTree(message).path("default").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
