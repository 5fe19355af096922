package dev.watchpost.handler;

import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.cloudtrail.FakeCloudTrail;
import dev.watchpost.remediate.ec2.FakeEc2;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Hands out fakes and remembers which clients were asked for. */
final class FakeClients implements Remediations.Clients {
    final FakeEc2 ec2 = new FakeEc2();
    final FakeCloudTrail cloudTrail = new FakeCloudTrail();
    final List<String> requested = new ArrayList<>();

    @Override
    public Ec2Client ec2() {
        requested.add("ec2");
        return ec2;
    }

    @Override
    public CloudTrailClient cloudTrail() {
        requested.add("cloudtrail");
        return cloudTrail;
    }
}
