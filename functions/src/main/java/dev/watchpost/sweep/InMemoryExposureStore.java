package dev.watchpost.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The memory of one process: the CLI (so one run still tells new from resolved between sweeps it makes) and tests.
 * Kept sorted by key, so an account and region's exposures are one range. Thread-safe.
 */
public final class InMemoryExposureStore implements ExposureStore {
    private final ConcurrentSkipListMap<String, Exposure> items = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Exposure> get(String key) {
        return Optional.ofNullable(items.get(key));
    }

    @Override
    public void put(Exposure exposure) {
        items.put(exposure.key(), exposure);
    }

    @Override
    public void remove(String key) {
        items.remove(key);
    }

    @Override
    public List<Exposure> openIn(String account, String region) {
        String prefix = Exposure.placePrefix(account, region);
        return new ArrayList<>(items.subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    @Override
    public List<Exposure> all() {
        List<Exposure> all = new ArrayList<>(items.values());
        all.sort(Comparator.comparing(Exposure::key));
        return all;
    }
}
