package dev.watchpost.bench.cold.crac;

/**
 * The resource type of this stand-in CRaC implementation. {@code org.crac} looks for {@code <package>.Resource},
 * {@code Context}, {@code Core}, {@code CheckpointException} and {@code RestoreException} in the package named by
 * {@code -Dorg.crac.Core.Compat}; the cold-start probe names this one, so the handler's registration reaches
 * {@link Core} exactly as it would reach Lambda's runtime.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
