package dev.watchpost.remediate;

import java.util.function.Supplier;

/**
 * A supplier that asks its source once, at the first {@link #get}, and keeps the answer: SDK clients and the sweep
 * are built only when an invocation needs them (after any SnapStart restore), and then only once. Thread-safe.
 */
public final class Memoized<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;

    private Memoized(Supplier<T> source) {
        this.source = source;
    }

    public static <T> Supplier<T> of(Supplier<T> source) {
        return new Memoized<>(source);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = source.get();
        }
        return value;
    }
}
