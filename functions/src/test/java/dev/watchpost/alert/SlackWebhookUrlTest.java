package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.watchpost.LoopbackServer;
import dev.watchpost.LoopbackServer.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real Secrets Manager client against a loopback server speaking its JSON 1.1 protocol. */
class SlackWebhookUrlTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:watchpost/slack-AbCdEf";
    private static final String WEBHOOK = "https://hooks.slack.com/services/T0000/B0000/XXXXSECRETXXXX";

    private final LoopbackServer secretsManager = new LoopbackServer();
    private final SecretsManagerClient client = SecretsManagerClient.builder()
            .endpointOverride(secretsManager.uri(""))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void stop() {
        client.close();
        secretsManager.close();
    }

    private static Response secret(String value) {
        String body = "{\"ARN\":\"" + ARN + "\",\"Name\":\"watchpost/slack\",\"SecretString\":"
                + TextNode.valueOf(value) + ",\"VersionId\":\"v1\"}";
        return new Response(200, Map.of("Content-Type", "application/x-amz-json-1.1"), body);
    }

    private static void assertHidden(AlertDeliveryException error, String value) {
        assertFalse(error.getMessage().contains(value), error.getMessage());
        assertTrue(error.getMessage().contains(ARN), "names the secret by its ARN: " + error.getMessage());
    }

    @Test
    void readsTheSecretOnce_forEveryInvocationOfTheContainer() {
        secretsManager.answer(secret(WEBHOOK));
        SlackWebhookUrl url = new SlackWebhookUrl(client, ARN);
        assertEquals(URI.create(WEBHOOK), url.get());
        assertEquals(URI.create(WEBHOOK), url.get());
        assertEquals(1, secretsManager.requests().size());
        LoopbackServer.Request request = secretsManager.requests().getFirst();
        assertEquals("secretsmanager.GetSecretValue", request.header("X-Amz-Target"));
        assertTrue(request.body().contains("\"SecretId\":\"" + ARN + "\""), request.body());
    }

    @Test
    void acceptsAJsonSecretWithAUrlField() {
        secretsManager.answer(secret("{\"url\":\"" + WEBHOOK + "\"}"));
        assertEquals(URI.create(WEBHOOK), new SlackWebhookUrl(client, ARN).get());
    }

    @Test
    void refusesAUrlThatIsNotASlackWebhook_withoutShowingIt() {
        secretsManager.answer(secret("https://evil.example/services/T0/B0/stolen"));
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class,
                () -> new SlackWebhookUrl(client, ARN).get());
        assertHidden(error, "evil.example");
        assertTrue(error.getMessage().contains("not a Slack incoming-webhook URL"), error.getMessage());
    }

    @Test
    void refusesPlainHttp() {
        secretsManager.answer(secret("http://hooks.slack.com/services/T0/B0/XXXXSECRETXXXX"));
        assertHidden(assertThrows(AlertDeliveryException.class, () -> new SlackWebhookUrl(client, ARN).get()),
                "XXXXSECRETXXXX");
    }

    @Test
    void refusesSomethingThatIsNotAUrl_withoutShowingIt() {
        secretsManager.answer(secret("xoxb-not a url at all"));
        assertHidden(assertThrows(AlertDeliveryException.class, () -> new SlackWebhookUrl(client, ARN).get()),
                "xoxb");
    }

    @Test
    void triesAgainOnTheNextInvocation_whenTheReadFailed() {
        secretsManager.answer(new Response(400, Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the secret.\"}"),
                secret(WEBHOOK));
        SlackWebhookUrl url = new SlackWebhookUrl(client, ARN);
        AlertDeliveryException error = assertThrows(AlertDeliveryException.class, url::get);
        assertTrue(error.getMessage().contains("could not read the Slack webhook secret"), error.getMessage());
        assertEquals(URI.create(WEBHOOK), url.get());
        assertEquals(2, secretsManager.requests().size());
    }
}
