package dev.watchpost.sweep;

import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Objects;

/**
 * What one family's sweep reads, as metadata: infra grants exactly these read-only actions to the family's function
 * and member roles, and nothing else for sweeping (the remediations keep their own grants). Immutable.
 *
 * @param family         whose state it sweeps
 * @param readActions    the IAM actions its calls need, e.g. {@code ec2:DescribeSecurityGroupRules}
 * @param ownAccountOnly those of {@code readActions} called only in Watchpost's own account (its own rules), which
 *                       member roles therefore do not hold
 */
public record SweepInfo(Family family, List<String> readActions, List<String> ownAccountOnly) {
    public SweepInfo {
        Objects.requireNonNull(family, "family");
        readActions = List.copyOf(readActions);
        ownAccountOnly = List.copyOf(ownAccountOnly);
        if (!readActions.containsAll(ownAccountOnly)) {
            throw new IllegalArgumentException("own-account actions must be read actions: " + ownAccountOnly);
        }
    }

    /** What the family's member role needs to be swept: the read actions not called only in the own account. */
    public List<String> memberReadActions() {
        return readActions.stream().filter(action -> !ownAccountOnly.contains(action)).toList();
    }
}
