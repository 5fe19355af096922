package dev.watchpost.pipeline;

import java.util.function.Supplier;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients alert sinks use. Security Hub's is built only if the configuration turns the sink on.
 *
 * @param sns         publishes to the alert topic and the Chatbot topic
 * @param securityHub builds the Security Hub client when first asked
 */
public record AlertClients(SnsClient sns, Supplier<SecurityHubClient> securityHub) {
    /** SNS only: asking for Security Hub fails, naming the setting that asked for it. */
    public static AlertClients snsOnly(SnsClient sns) {
        return new AlertClients(sns, () -> {
            throw new IllegalStateException("no Security Hub client was provided, but the configuration turns the "
                    + "Security Hub sink on");
        });
    }
}
