package dev.watchpost.remediate;

import java.util.Locale;
import java.util.Optional;

/** How far Watchpost may go for a detection: nothing, say what it would do, or do it. */
public enum RemediationMode {
    OFF, DRY_RUN, ENFORCE;

    /** Case-insensitive; accepts {@code dry-run} as well as {@code DRY_RUN}. Empty for anything else. */
    public static Optional<RemediationMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RemediationMode mode : values()) {
            if (mode.name().equals(normalised)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
