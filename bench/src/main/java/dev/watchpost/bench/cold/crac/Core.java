package dev.watchpost.bench.cold.crac;

/**
 * Stand-in for a CRaC runtime: {@link #checkpointRestore()} runs every registered {@code beforeCheckpoint} hook, then
 * every {@code afterRestore} hook, without taking a snapshot. That is the part of SnapStart this machine can run: the
 * priming a snapshot would hold, and the first event after it.
 */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>();

    private Core() {}

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Number of resources registered so far. */
    public static int registered() {
        return GLOBAL.size();
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } catch (Exception e) {
            throw new CheckpointException(e);
        }
        try {
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            throw new RestoreException(e);
        }
    }
}
