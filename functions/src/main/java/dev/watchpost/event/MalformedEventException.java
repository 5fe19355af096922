package dev.watchpost.event;

/**
 * Thrown when bytes cannot be read as a CloudTrail event at all (not JSON, not an object, no {@code eventName}).
 * The message names what was wrong so the log line is enough to find the bad input; callers log, count and move on.
 */
public final class MalformedEventException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
