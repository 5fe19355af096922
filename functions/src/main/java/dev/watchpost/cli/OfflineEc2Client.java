package dev.watchpost.cli;

import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The EC2 client the offline scanner hands to its remediations: it implements only what building a client needs, so
 * every API call falls through to the SDK interface's default methods, which throw
 * {@link UnsupportedOperationException}. The scanner's remediator never applies, so nothing calls it; if a change ever
 * made it try, the call would fail loudly (as a {@code Failed} outcome) instead of reaching an account. Stateless.
 */
final class OfflineEc2Client implements Ec2Client {
    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release: there is no connection.
    }
}
