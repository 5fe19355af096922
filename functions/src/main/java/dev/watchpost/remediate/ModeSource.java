package dev.watchpost.remediate;

import java.util.Map;

/**
 * Where the {@link Remediator} learns the mode for a finding, asked once per finding so a source that changes at run
 * time (the runtime settings parameter) takes effect without a restart. Implementations must be thread-safe and must
 * not throw: a source that cannot learn anything new answers from what it last knew.
 */
@FunctionalInterface
public interface ModeSource {
    /**
     * @param detectionId the finding's detection
     * @param account     the account the event happened in, "" when the event does not say for sure
     * @param fallback    the remediation's own default mode, for a detection nothing else names
     */
    ModeDecision decide(String detectionId, String account, RemediationMode fallback);

    /** Modes fixed at deploy time ({@code WATCHPOST_REMEDIATION_MODES}), the same for every account. */
    static ModeSource fixed(Map<String, RemediationMode> modes) {
        Map<String, RemediationMode> copy = Map.copyOf(modes);
        return (detectionId, account, fallback) -> new ModeDecision.Use(copy.getOrDefault(detectionId, fallback));
    }
}
