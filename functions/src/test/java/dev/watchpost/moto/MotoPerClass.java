package dev.watchpost.moto;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One {@link MotoServer} for a test class, registered as a static {@code @RegisterExtension} field: started before
 * the class's tests, reset before each (before the class's own {@code @BeforeEach} methods, so they plant on a clean
 * server), stopped after the last. Not thread-safe; one per test class.
 */
public final class MotoPerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MotoServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server, for the helpers that take one. */
    public MotoServer server() {
        return server;
    }

    /** The endpoint every SDK client of the test points at. */
    public URI uri() {
        return server.uri();
    }

    /**
     * EC2 in {@code region} acting in {@code account}: with {@code central}, the credentials of moto's default account,
     * for that account, else through a role assumed in {@code account} (moto lets any role be assumed).
     */
    public Ec2Client ec2(String account, String region, AwsCredentialsProvider central) {
        return Ec2Client.builder().endpointOverride(uri()).region(Region.of(region))
                .credentialsProvider(credentialsIn(account, central)).build();
    }

    private AwsCredentialsProvider credentialsIn(String account, AwsCredentialsProvider central) {
        if (account.equals(MotoServer.DEFAULT_ACCOUNT)) {
            return central;
        }
        try (StsClient sts = StsClient.builder().endpointOverride(uri()).region(Region.US_EAST_1)
                .credentialsProvider(central).build()) {
            Credentials session = sts.assumeRole(r -> r.roleSessionName("test-setup")
                    .roleArn("arn:aws:iam::" + account + ":role/test-admin")).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(session.accessKeyId(),
                    session.secretAccessKey(), session.sessionToken()));
        }
    }
}
