package dev.watchpost.infra;

import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * How every Watchpost topic starts: a fixed name (so that {@code audit.detector-tampered} recognises calls on it and
 * subscribers can find it), a display name for e-mail subscribers, and a topic policy that refuses publishing and
 * subscribing over plain HTTP. Stateless.
 */
final class Topics {
    private Topics() {}

    /** A builder with those three set; the caller adds what else its topic needs (a key) and builds it. */
    static Topic.Builder named(Construct scope, String id, String topicName, String displayName) {
        return Topic.Builder.create(scope, id)
                .topicName(topicName)
                .displayName(displayName)
                .enforceSsl(true);
    }
}
