package dev.watchpost.cli;

import dev.watchpost.remediate.Remediations;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The SDK clients the offline scanner hands to its remediations: they implement only what building a client needs, so
 * every API call falls through to the SDK interfaces' default methods, which throw
 * {@link UnsupportedOperationException}. The scanner's remediator never applies, so nothing calls them; if a change
 * ever made it try, the call would fail loudly (as a {@code Failed} outcome) instead of reaching an account, and with
 * no credentials or endpoint involved. Stateless.
 */
final class OfflineClients implements Remediations.Clients {
    @Override
    public Ec2Client ec2() {
        return new OfflineEc2();
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return new OfflineCloudTrail();
    }

    private static final class OfflineEc2 implements Ec2Client {
        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
            // Nothing to release: there is no connection.
        }
    }

    private static final class OfflineCloudTrail implements CloudTrailClient {
        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
            // Nothing to release: there is no connection.
        }
    }
}
