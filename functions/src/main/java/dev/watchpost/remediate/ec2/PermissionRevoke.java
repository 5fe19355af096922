package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.RuleChange;
import dev.watchpost.event.Cidr;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;

/**
 * Revokes by exact permission, for events that carry no {@code sgr-} ids, and then checks that it worked: EC2 (a
 * default VPC in particular) can answer success to a revoke that matched nothing, listing the permission under
 * {@code unknownIpPermissionSet}. So the answer is read, and the group's rules are described again: a rule of the
 * group that is still open to the internet on one of the same admin ports from the same network makes the outcome
 * {@code Failed}, naming it. Stateless.
 */
final class PermissionRevoke {
    private PermissionRevoke() {}

    static Outcome revoke(Ec2Client ec2, Plan plan, String groupId, OpenSecurityGroupIngress open) {
        List<IpPermission> exact = open.permissions().stream().map(RevokeSecurityGroupRules::toIpPermission).toList();
        String revoked;
        boolean unmatched;
        try {
            RevokeSecurityGroupIngressResponse response = ec2.revokeSecurityGroupIngress(
                    r -> r.groupId(groupId).ipPermissions(exact));
            unmatched = !response.unknownIpPermissions().isEmpty();
            revoked = response.revokedSecurityGroupRules().stream().map(RevokedSecurityGroupRule::securityGroupRuleId)
                    .collect(Collectors.joining(", "));
        } catch (Ec2Exception e) {
            if (!RevokeSecurityGroupRules.isAlreadyGone(e)) {
                return new Outcome.Failed(plan, Ec2Errors.describe(e));
            }
            unmatched = true;
            revoked = "";
        }
        List<String> stillOpen = CurrentRules.ofGroup(ec2, groupId).stream().map(CurrentRules::of)
                .filter(rule -> sameExposure(open, rule))
                .map(rule -> (rule.ruleId().isEmpty() ? "" : rule.ruleId() + " ") + rule.display())
                .toList();
        if (!stillOpen.isEmpty()) {
            return new Outcome.Failed(plan, "still open after the revoke: " + String.join("; ", stillOpen)
                    + (unmatched ? " (EC2 matched no rule to the event's permission)" : ""));
        }
        if (unmatched && revoked.isEmpty()) {
            return new Outcome.Applied(plan, "the permission was already gone");
        }
        return new Outcome.Applied(plan, revoked.isEmpty() ? "" : "revoked " + revoked);
    }

    /** An ingress rule open to the internet, from the network of one of the finding's permissions, on its ports. */
    private static boolean sameExposure(OpenSecurityGroupIngress open, RuleChange rule) {
        if (!open.exposure().confirmedOpen(rule)) {
            return false;
        }
        Optional<Cidr> cidr = Cidr.parse(rule.source());
        Set<Integer> ports = open.exposure().exposedToInternet(rule);
        return cidr.isPresent() && open.permissions().stream().anyMatch(permission
                -> sameNetwork(permission, cidr.get()) && ports.stream().anyMatch(port -> permission.isAllTraffic()
                        || permission.ports().contains(port)));
    }

    private static boolean sameNetwork(IngressPermission permission, Cidr cidr) {
        return Cidr.parse(permission.cidr()).map(own -> own.sameNetwork(cidr)).orElse(false);
    }
}
