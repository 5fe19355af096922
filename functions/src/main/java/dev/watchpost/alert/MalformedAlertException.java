package dev.watchpost.alert;

/**
 * A message on the alert topic is not a finding document Watchpost can read (not JSON, another schema version, a
 * required field missing). The message says which, never what the document held; callers log, count and move on.
 */
public final class MalformedAlertException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedAlertException(String message) {
        super(message);
    }
}
