package dev.watchpost.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The Slack webhook URL, read from AWS Secrets Manager on first use and kept for the life of the container (the URL
 * is a secret: it is never put in an environment variable, a log line or an error message). The secret holds the URL
 * itself or a JSON object with a {@code url} field; it must be an {@code https://hooks.slack.com/services/…} address
 * (or GovSlack's {@code hooks.slack-gov.com}). A failed read is not cached, so the next invocation tries again.
 * Thread-safe.
 */
public final class SlackWebhookUrl implements Supplier<URI> {
    static final Set<String> HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SecretsManagerClient secrets;
    private final String secretArn;
    private volatile URI url;

    /** @param secretArn the secret's ARN (not a secret itself) */
    public SlackWebhookUrl(SecretsManagerClient secrets, String secretArn) {
        this.secrets = secrets;
        this.secretArn = secretArn;
    }

    /** The webhook URL; reads the secret on the first call only. */
    @Override
    public URI get() {
        URI known = url;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (url == null) {
                url = read();
            }
            return url;
        }
    }

    private URI read() {
        GetSecretValueResponse response;
        try {
            response = secrets.getSecretValue(request -> request.secretId(secretArn));
        } catch (SdkException e) {
            throw new AlertDeliveryException("could not read the Slack webhook secret " + secretArn + ": "
                    + e.getMessage(), e);
        }
        String value = response.secretString();
        if (value == null || value.isBlank()) {
            throw invalid("holds no secret string (a binary secret is not supported)");
        }
        return parse(value.strip());
    }

    private URI parse(String value) {
        String text = value;
        if (text.startsWith("{")) {
            try {
                JsonNode url = MAPPER.readTree(text).path("url");
                if (!url.isTextual()) {
                    throw invalid("is a JSON object without a \"url\" string");
                }
                text = url.textValue().strip();
            } catch (JsonProcessingException e) {
                throw invalid("starts with { but is not JSON");
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !HOSTS.contains(uri.getHost())
                || uri.getRawPath() == null || !uri.getRawPath().startsWith("/services/")
                || uri.getRawUserInfo() != null || uri.getPort() != -1) {
            throw invalid("is not a Slack incoming-webhook URL (https://hooks.slack.com/services/…)");
        }
        return uri;
    }

    private AlertDeliveryException invalid(String what) {
        return new AlertDeliveryException("the Slack webhook secret " + secretArn + " " + what
                + "; its value is not shown", null);
    }
}
