package dev.watchpost.sweep;

import java.util.List;
import java.util.Optional;

/**
 * The memory of standing exposures, one item per account, region, detection and resource ({@link Exposure#key}).
 * State is a convenience, never a dependency for safety: a store that cannot be read or written throws
 * {@link ExposureStoreException}, and the sweep then alerts anyway (twice beats never) and counts it. Implementations
 * are thread-safe.
 */
public interface ExposureStore {
    Optional<Exposure> get(String key);

    void put(Exposure exposure);

    void remove(String key);

    /** Every exposure remembered in {@code account} and {@code region}. */
    List<Exposure> openIn(String account, String region);

    /** Every exposure remembered, for the digest. */
    List<Exposure> all();
}
