package dev.watchpost.alert;

import java.time.Instant;

/** Somewhere a Slack payload is posted. Implementations throw {@link AlertDeliveryException} when they give up. */
@FunctionalInterface
public interface SlackDelivery {
    /** Posts one Block Kit payload, retrying as it sees fit but giving up before {@code deadline}. */
    void post(String payload, Instant deadline) throws AlertDeliveryException;
}
