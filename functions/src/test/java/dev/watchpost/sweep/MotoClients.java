package dev.watchpost.sweep;

import dev.watchpost.moto.MotoServer;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.Remediations;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** SDK clients pointed at a moto server, for any region, with moto's default account's credentials. */
record MotoClients(MotoServer moto) implements ClientFactory {
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASWEEPTEST0000000", "sweep-secret"));

    @Override
    public Remediations.Clients clients(String region, AwsCredentialsProvider credentials) {
        AwsCredentialsProvider use = credentials == null ? CREDENTIALS : credentials;
        return Remediations.Clients.lazily(
                () -> Ec2Client.builder().endpointOverride(moto.uri()).region(Region.of(region))
                        .credentialsProvider(use).build(),
                () -> CloudTrailClient.builder().endpointOverride(moto.uri()).region(Region.of(region))
                        .credentialsProvider(use).build(),
                () -> EventBridgeClient.builder().endpointOverride(moto.uri()).region(Region.of(region))
                        .credentialsProvider(use).build());
    }

    Ec2Client ec2(String region) {
        return clients(region, null).ec2();
    }
}
