package dev.watchpost.pipeline;

/** Reads the runtime settings parameter's current value; a seam so tests can play SSM without a server. */
@FunctionalInterface
public interface SettingsReader {
    /** The value, or {@link SettingsUnavailableException} saying why it could not be read. */
    String read() throws SettingsUnavailableException;

    /** SSM could not answer: throttled, a 5xx, a timeout, access denied, or the parameter does not exist. */
    final class SettingsUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public SettingsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
