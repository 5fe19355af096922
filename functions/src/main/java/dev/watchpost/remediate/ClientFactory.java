package dev.watchpost.remediate;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Builds the SDK clients remediations use for one region with given credentials. The Lambda functions build real
 * clients (with their timeouts and HTTP client); tests point the same at a loopback server or an AWS emulator.
 */
public interface ClientFactory {
    /**
     * Clients for {@code region}; {@code credentials} null for the function's own (the default provider chain). Each
     * client is built when first asked for and then kept.
     */
    Remediations.Clients clients(String region, AwsCredentialsProvider credentials);
}
