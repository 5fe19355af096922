package dev.watchpost.pipeline;

import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.cloudtrail.FakeCloudTrail;
import dev.watchpost.remediate.ec2.FakeEc2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/** Hands out fakes, for any region and credentials, and remembers which clients were asked for. */
public final class FakeClients implements Remediations.Clients, ClientFactory {
    /** For pipelines that must never assume a member role. */
    public static final Supplier<StsClient> NO_STS = () -> {
        throw new AssertionError("this pipeline must not ask for STS");
    };

    public final FakeEc2 ec2 = new FakeEc2();
    public final FakeCloudTrail cloudTrail = new FakeCloudTrail();
    public final List<String> requested = new ArrayList<>();

    /** Regions clients were asked for, with "own" or "assumed" credentials. */
    public final List<String> places = new ArrayList<>();

    @Override
    public Remediations.Clients clients(String region, AwsCredentialsProvider credentials) {
        places.add(region + (credentials == null ? " own" : " assumed"));
        return this;
    }

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
