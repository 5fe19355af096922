package dev.watchpost.handler;

import dev.watchpost.remediate.Remediations;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients once per container with the lightweight URL-connection HTTP client and timeouts that let
 * the SDK's retries finish well inside the function's timeout ({@link #FUNCTION_TIMEOUT}): each attempt is capped at
 * {@link #ATTEMPT_TIMEOUT}, each call (retries included) at {@link #CALL_TIMEOUT}. Region and credentials come from
 * the Lambda environment through the SDK's default providers (SnapStart restores use container credentials). Each
 * method builds a new client, so callers ask once and only for what their configuration needs.
 */
public final class AwsClients implements Remediations.Clients {
    /** The deployed function timeout; infra uses the same constant. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;

    public AwsClients() {
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
        this.overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    @Override
    public Ec2Client ec2() {
        return Ec2Client.builder().httpClient(http).overrideConfiguration(overrides).build();
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return CloudTrailClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }

    public SnsClient sns() {
        return SnsClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }

    public SecurityHubClient securityHub() {
        return SecurityHubClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().httpClient(http).overrideConfiguration(overrides).build();
    }

    /** The clients alert sinks use; Security Hub's is built only if a sink asks for it. */
    public AlertClients alertClients() {
        return new AlertClients(sns(), this::securityHub);
    }
}
