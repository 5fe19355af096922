package dev.watchpost.remediate;

/**
 * The mode in force for one finding, as a {@link ModeSource} decides it: a mode to use, remediation switched off
 * altogether (the runtime kill switch), or the detection exempt where the event happened, each with what the alert's
 * outcome says.
 */
public sealed interface ModeDecision {
    /**
     * Remediate in {@code mode}; {@code note} ("" when none) tells the alert what limited or qualified it, e.g. an
     * organizational unit that could not be read, so the mode is at most DRY_RUN.
     */
    record Use(RemediationMode mode, String note) implements ModeDecision {
        public Use(RemediationMode mode) {
            this(mode, "");
        }
    }

    /** Remediate nothing; {@code reason} says who switched it off, e.g. the settings parameter. */
    record SwitchedOff(String reason) implements ModeDecision {
    }

    /** Remediate nothing: the detection is exempt in the event's account or OU; {@code reason} says until when, why. */
    record Exempt(String reason) implements ModeDecision {
    }
}
