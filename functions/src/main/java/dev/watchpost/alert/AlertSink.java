package dev.watchpost.alert;

/**
 * Somewhere an alert goes. Sinks only send: formatting lives in pure formatter classes. A sink that cannot deliver
 * throws {@link AlertDeliveryException} so the invocation fails and Lambda's retries keep the event.
 */
public interface AlertSink {
    void send(Alert alert) throws AlertDeliveryException;
}
