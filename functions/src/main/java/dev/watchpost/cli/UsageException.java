package dev.watchpost.cli;

/**
 * The command line cannot be run as given (exit status 2); the message names the problem for the user. Unchecked, so
 * that parsing can happen inside lambdas; each command catches it in one place.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
