package dev.watchpost.sweep;

import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Objects;

/**
 * What one family's sweep reads, as metadata: infra grants exactly these read-only actions to the family's function
 * and member roles, and nothing else for sweeping (the remediations keep their own grants). Immutable.
 *
 * @param family      whose state it sweeps
 * @param readActions the IAM actions its calls need, e.g. {@code ec2:DescribeSecurityGroupRules}
 */
public record SweepInfo(Family family, List<String> readActions) {
    public SweepInfo {
        Objects.requireNonNull(family, "family");
        readActions = List.copyOf(readActions);
    }
}
