package dev.watchpost.bench.cold.crac;

/** A hook failed before the checkpoint. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException(Throwable cause) {
        super(cause);
    }
}
