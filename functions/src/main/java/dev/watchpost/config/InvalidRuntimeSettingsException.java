package dev.watchpost.config;

/**
 * The runtime settings parameter's value is unusable; the message names the offending key or value and says what is
 * expected, so an operator can fix it from the alert or the CLI's error alone.
 */
public final class InvalidRuntimeSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRuntimeSettingsException(String message) {
        super(message);
    }
}
