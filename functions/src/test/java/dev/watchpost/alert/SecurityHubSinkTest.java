package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.LoopbackServer;
import dev.watchpost.LoopbackServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/** The real Security Hub client against a loopback server speaking its REST-JSON protocol. */
class SecurityHubSinkTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final LoopbackServer securityHub = new LoopbackServer();
    private final RetryStrategy noRetries = DefaultRetryStrategy.doNotRetry();
    private final SecurityHubClient client = SecurityHubClient.builder()
            .endpointOverride(securityHub.uri(""))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(override -> override.retryStrategy(noRetries))
            .build();
    private final SecurityHubSink sink = new SecurityHubSink(client, "us-east-1", "");

    @AfterEach
    void stop() {
        client.close();
        securityHub.close();
    }

    @Test
    void importsTheAsffFindingThroughFindingsImport() throws Exception {
        securityHub.answer(new Response(200, JSON, "{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}"));
        sink.send(AlertSamples.sshApplied());
        assertEquals(1, securityHub.requests().size());
        LoopbackServer.Request request = securityHub.requests().getFirst();
        assertEquals("POST", request.method());
        assertEquals("/findings/import", request.path());
        JsonNode sent = MAPPER.readTree(request.body()).path("Findings");
        assertEquals(1, sent.size());
        assertEquals(AlertSamples.sshFacts().dedupKey(), sent.get(0).path("Id").asText());
        assertEquals("RESOLVED", sent.get(0).path("Workflow").path("Status").asText());
        assertEquals(MAPPER.readTree(AsffFinding.json(AlertSamples.sshFacts())), sent.get(0),
                "scan --format asff previews exactly what is sent");
    }

    @Test
    void failsWithSecurityHubsReasons_whenItRejectsTheFinding() {
        securityHub.answer(new Response(200, JSON, "{\"FailedCount\":1,\"SuccessCount\":0,\"FailedFindings\":[{\"Id\":"
                + "\"x\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"Finding does not adhere to ASFF\"}]}"));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> sink.send(AlertSamples.sshApplied()));
        assertTrue(error.getMessage().contains("InvalidInput: Finding does not adhere to ASFF"), error.getMessage());
    }

    @Test
    void failsWhenTheCallFails() {
        securityHub.answer(new Response(403, Map.of("Content-Type", "application/json",
                "x-amzn-ErrorType", "AccessDeniedException"), "{\"Message\":\"not subscribed\"}"));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> sink.send(AlertSamples.sshApplied()));
        assertTrue(error.getMessage().startsWith("could not import network.sg-admin-port-open/"), error.getMessage());
    }
}
