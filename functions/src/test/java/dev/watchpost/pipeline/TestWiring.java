package dev.watchpost.pipeline;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.ModeSource;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link Wiring#lambdaPipeline} with what most tests leave out filled in: SNS as the only alert client, the deploy-time
 * modes (no runtime settings are read) and no state table (DynamoDB is never asked for).
 */
public final class TestWiring {
    private TestWiring() {}

    /** SNS alerts only (the configuration must leave Security Hub off). */
    public static Pipeline lambdaPipeline(Family family, Map<String, String> env, ClientFactory clients,
                                          Supplier<StsClient> sts, SnsClient sns) {
        return lambdaPipeline(family, env, clients, sts, AlertClients.snsOnly(sns));
    }

    /** With the deploy-time modes only. */
    public static Pipeline lambdaPipeline(Family family, Map<String, String> env, ClientFactory clients,
                                          Supplier<StsClient> sts, AlertClients alertClients) {
        return lambdaPipeline(family, env, clients, sts, alertClients, Wiring::deployModes);
    }

    /** Without a state table. */
    public static Pipeline lambdaPipeline(Family family, Map<String, String> env, ClientFactory clients,
                                          Supplier<StsClient> sts, AlertClients alertClients,
                                          Function<Settings, ModeSource> modes) {
        return Wiring.lambdaPipeline(family, env, clients, sts, alertClients, modes, () -> {
            throw new IllegalStateException(Settings.STATE_TABLE + " is set but no DynamoDB client was given");
        });
    }
}
