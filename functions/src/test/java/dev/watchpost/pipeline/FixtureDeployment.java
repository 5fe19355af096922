package dev.watchpost.pipeline;

import dev.watchpost.detect.Family;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployment the sample events of {@code events/} come from, as its stack configures the functions: pipeline and
 * handler tests build their pipelines for it, so that the fixtures' expectations hold.
 */
public final class FixtureDeployment {
    /** The account of every fixture in events/ (their convention). */
    public static final String ACCOUNT = "123456789012";
    /** The role the network function of that deployment runs as. */
    public static final String OWN_ROLE = "arn:aws:iam::123456789012:role/watchpost-network-us-east-1";
    /** Every function role of that deployment, as the stack passes them in WATCHPOST_OWN_ROLE_ARNS. */
    public static final Set<String> OWN_ROLES = Arrays.stream(Family.values())
            .map(f -> "arn:aws:iam::123456789012:role/" + LoopGuard.roleName("watchpost", f, "us-east-1"))
            .collect(Collectors.toSet());
    /** The deployment's alert topic. */
    public static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:watchpost-alerts";

    private FixtureDeployment() {}
}
