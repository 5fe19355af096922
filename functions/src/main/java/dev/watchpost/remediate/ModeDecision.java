package dev.watchpost.remediate;

/**
 * The mode in force for one finding, as a {@link ModeSource} decides it: a mode to use, or remediation switched off
 * altogether (the runtime kill switch), with the reason the alert's outcome gives.
 */
public sealed interface ModeDecision {
    /** Remediate in {@code mode}. */
    record Use(RemediationMode mode) implements ModeDecision {
    }

    /** Remediate nothing; {@code reason} says who switched it off, e.g. the settings parameter. */
    record SwitchedOff(String reason) implements ModeDecision {
    }
}
