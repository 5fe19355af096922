package dev.watchpost.detect.network;

import dev.watchpost.detect.FindingDetails;
import java.util.List;

/**
 * What {@link SecurityGroupAdminPortOpen} found, in the form the revoke remediation needs.
 *
 * @param groupId          the {@code sg-} id, or "" when the call named the group by name only
 * @param groupName        the group name when the call used it (default VPC), otherwise ""
 * @param permissions      the offending permissions, never empty
 * @param directionKnown   false when the event did not say ingress or egress for some permission (usually
 *                         {@code ModifySecurityGroupRules}): nothing may claim ingress until EC2 confirms it
 * @param exposure         the predicate the detection used, for the remediation to re-check EC2's current rules with
 */
public record OpenSecurityGroupIngress(String groupId, String groupName, List<IngressPermission> permissions,
                                       boolean directionKnown, AdminPortExposure exposure) implements FindingDetails {
    public OpenSecurityGroupIngress {
        permissions = List.copyOf(permissions);
    }

    /** True when every offending permission carries its {@code sgr-} id, so the revoke can name rules exactly. */
    public boolean allRuleIdsKnown() {
        return permissions.stream().noneMatch(p -> p.ruleId().isEmpty());
    }

    /** False when some offending permission's protocol was assumed, not read: its exact shape is unknown. */
    public boolean allProtocolsStated() {
        return permissions.stream().allMatch(IngressPermission::protocolStated);
    }

    public List<String> ruleIds() {
        return permissions.stream().map(IngressPermission::ruleId).filter(id -> !id.isEmpty()).toList();
    }
}
