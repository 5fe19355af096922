package dev.watchpost.sweep;

/** The memory of exposures could not be read or written; the sweep goes on without it and says so. */
public final class ExposureStoreException extends RuntimeException {
    public ExposureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
