package dev.watchpost.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small insertion-ordered map that forgets its oldest entries past a capacity. Thread-safe (synchronised). */
public final class BoundedCache<K, V> {
    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized boolean containsKey(K key) {
        return entries.containsKey(key);
    }

    /** The value, or null when absent. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /** Puts the value if the key is absent; true if it was, so that of several threads one wins the key. */
    public synchronized boolean putIfAbsent(K key, V value) {
        return entries.putIfAbsent(key, value) == null;
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }
}
