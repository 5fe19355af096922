package dev.watchpost.remediate;

import java.util.List;
import java.util.Objects;

/**
 * What a remediation would do for one finding, decided before anything is called. Immutable.
 *
 * @param action      the remediation id, e.g. {@code revoke-security-group-rules}
 * @param mode        the mode in force for the detection
 * @param targets     what it acts on (rule ids, or exact permissions when the event carried no ids)
 * @param description one line for people: "Revoke sgr-… from sg-…"
 * @param undoCommand the AWS CLI command that restores what the action removes, or "" when there is nothing to undo
 */
public record Plan(String action, RemediationMode mode, List<String> targets, String description, String undoCommand) {
    public Plan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(undoCommand, "undoCommand");
        targets = List.copyOf(targets);
    }

    public Plan withMode(RemediationMode newMode) {
        return new Plan(action, newMode, targets, description, undoCommand);
    }
}
