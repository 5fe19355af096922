package dev.watchpost.cli;

/** The command line cannot be run as given (exit status 2); the message names the problem for the user. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
