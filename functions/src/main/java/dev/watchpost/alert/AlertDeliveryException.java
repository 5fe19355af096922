package dev.watchpost.alert;

/** An alert could not be delivered; the handler lets it fail the invocation so the event is retried, not lost. */
public final class AlertDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlertDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
