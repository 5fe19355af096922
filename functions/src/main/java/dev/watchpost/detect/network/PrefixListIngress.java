package dev.watchpost.detect.network;

import dev.watchpost.detect.FindingDetails;
import java.util.List;

/**
 * What {@link SecurityGroupAdminPortFromPrefixList} found, in the form its remediation needs: the group and each rule
 * that lets a managed prefix list reach an admin port, as the event stated it. The event never says what the list
 * holds, so the remediation reads the entries and the rules as EC2 holds them at apply time and re-checks them with
 * {@link #exposure()}.
 *
 * @param groupId   the {@code sg-} id, or "" when the call named the group by name only
 * @param groupName the group name when the call used it (default VPC), otherwise ""
 * @param rules     the referencing rules (kind {@link RuleChange.SourceKind#PREFIX_LIST}, source the {@code pl-} id),
 *                  never empty
 * @param exposure  the predicate the detection used (admin ports, what counts as the internet)
 */
public record PrefixListIngress(String groupId, String groupName, List<RuleChange> rules, AdminPortExposure exposure)
        implements FindingDetails {
    public PrefixListIngress {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a prefix-list finding names at least one rule");
        }
    }

    /** True when every referencing rule carries its {@code sgr-} id, so the revoke can name rules exactly. */
    public boolean allRuleIdsKnown() {
        return rules.stream().noneMatch(rule -> rule.ruleId().isEmpty());
    }

    /** The {@code sgr-} ids the event gave, without repeats. */
    public List<String> ruleIds() {
        return rules.stream().map(RuleChange::ruleId).filter(id -> !id.isEmpty()).distinct().toList();
    }

    /** The {@code pl-} ids the rules reference, without repeats, in the event's order. */
    public List<String> prefixListIds() {
        return rules.stream().map(RuleChange::source).distinct().toList();
    }
}
