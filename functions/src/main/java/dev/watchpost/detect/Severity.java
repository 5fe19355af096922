package dev.watchpost.detect;

import java.util.Locale;
import java.util.Optional;

/** How urgently a person should look, in increasing order; the order is used by {@code --fail-on} and filters. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Case-insensitive lookup; empty for an unknown name. */
    public static Optional<Severity> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
