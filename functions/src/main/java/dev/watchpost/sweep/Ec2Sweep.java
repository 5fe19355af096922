package dev.watchpost.sweep;

import dev.watchpost.detect.Finding;
import dev.watchpost.remediate.Remediations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A sweep that reads EC2 only: it is handed the place's EC2 client and the list its findings go to, and restates what
 * it reads as calls to {@value #SOURCE}. Implementations hold no client and are thread-safe.
 */
interface Ec2Sweep extends Sweep {
    /** The event source of every call an EC2 sweep restates. */
    String SOURCE = "ec2.amazonaws.com";

    @Override
    default List<Finding> findings(Remediations.Clients clients, String account, String region, Instant at) {
        List<Finding> found = new ArrayList<>();
        sweep(clients.ec2(), account, region, at, found);
        return found;
    }

    /** Adds the exposures standing now to {@code found}; throws the SDK's exception when a read fails. */
    void sweep(Ec2Client ec2, String account, String region, Instant at, List<Finding> found);
}
