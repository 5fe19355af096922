package dev.watchpost.handler;

import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.remediate.CallBudgetInterceptor;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.Remediations;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients once per container with the lightweight URL-connection HTTP client and timeouts that let
 * the SDK's retries finish well inside the function's timeout ({@link #FUNCTION_TIMEOUT}): each attempt is capped at
 * {@link #ATTEMPT_TIMEOUT}, each call (retries included) at {@link #CALL_TIMEOUT}. Region and credentials come from
 * the Lambda environment through the SDK's default providers (SnapStart restores use container credentials); tests
 * point the same configuration at a loopback server instead. Every client carries a {@link CallBudgetInterceptor},
 * so a remediation starts no call that its invocation's remaining time cannot cover. Each method builds a new client,
 * so callers ask once and only for what their configuration needs.
 */
public final class AwsClients implements ClientFactory {
    /** The deployed function timeout; infra uses the same constant. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The state table is a convenience: a slow or throttled table must cost an invocation little before the finding is
     * handled without it, so its calls get one retry and a shorter budget.
     */
    static final Duration STATE_ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration STATE_CALL_TIMEOUT = Duration.ofSeconds(2);
    static final int STATE_MAX_ATTEMPTS = 2;

    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;
    private final Endpoint endpoint;

    public AwsClients() {
        this(null);
    }

    /** Every client talks to {@code endpoint} (a loopback test server) instead of AWS; null for AWS. */
    AwsClients(Endpoint endpoint) {
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
        this.overrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new CallBudgetInterceptor())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
        this.endpoint = endpoint;
    }

    /** Where a test server listens, with the region and credentials to sign for. */
    record Endpoint(URI uri, Region region, AwsCredentialsProvider credentials) {
        Endpoint {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** Remediation clients for {@code region}, with {@code credentials} (null: the function's own). */
    @Override
    public Remediations.Clients clients(String region, AwsCredentialsProvider credentials) {
        return Remediations.Clients.lazily(() -> build(Ec2Client.builder(), region, credentials),
                () -> build(CloudTrailClient.builder(), region, credentials),
                () -> build(EventBridgeClient.builder(), region, credentials));
    }

    /** STS in the function's own region (its regional endpoint issues sessions valid in every region). */
    public StsClient sts() {
        return build(StsClient.builder());
    }

    /** SSM in the function's own region, where the runtime settings parameter is. */
    public SsmClient ssm() {
        return build(SsmClient.builder());
    }

    /**
     * AWS Organizations' {@code ListParents}, signed with the function's credentials, over the same HTTP client, at
     * the one endpoint of {@code partition} (the test endpoint when one is set).
     */
    ListParentsClient listParents(String partition) {
        if (endpoint != null) {
            return new ListParentsClient(http, endpoint.credentials(), endpoint.uri(), "us-east-1");
        }
        return ListParentsClient.global(http, DefaultCredentialsProvider.builder().build(), partition);
    }

    /** CloudFormation in the function's own region, where the member-roles StackSet is administered. */
    public CloudFormationClient cloudFormation() {
        return build(CloudFormationClient.builder());
    }

    public SnsClient sns() {
        return build(SnsClient.builder());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.httpClient(http).overrideConfiguration(overrides);
        if (endpoint != null) {
            builder.endpointOverride(endpoint.uri()).region(endpoint.region()).credentialsProvider(endpoint.credentials());
        }
        return builder.build();
    }

    /** A client for another region and, when given, other credentials than the function's. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, AwsCredentialsProvider credentials) {
        builder.httpClient(http).overrideConfiguration(overrides).region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(endpoint.uri()).credentialsProvider(endpoint.credentials());
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    /** DynamoDB for the state table, with {@link #STATE_CALL_TIMEOUT} and {@link #STATE_MAX_ATTEMPTS}. */
    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().overrideConfiguration(overrides.toBuilder()
                .apiCallAttemptTimeout(STATE_ATTEMPT_TIMEOUT)
                .apiCallTimeout(STATE_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(STATE_MAX_ATTEMPTS).build())
                .build());
        builder.httpClient(http);
        if (endpoint != null) {
            builder.endpointOverride(endpoint.uri()).region(endpoint.region()).credentialsProvider(endpoint.credentials());
        }
        return builder.build();
    }

    public SecurityHubClient securityHub() {
        return build(SecurityHubClient.builder());
    }

    public SecretsManagerClient secretsManager() {
        return build(SecretsManagerClient.builder());
    }

    /** The clients alert sinks use; Security Hub's is built only if a sink asks for it. */
    public AlertClients alertClients() {
        return new AlertClients(sns(), this::securityHub);
    }
}
