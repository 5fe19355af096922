package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.RuleChange;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.Cidr;
import dev.watchpost.remediate.DetailsRemediation;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Revokes exactly the ingress rules that opened an admin port to the internet, and nothing else of the group. Before
 * acting it reads the group's tags (an active exemption tag means skip). With {@code sgr-} ids it reads each rule as
 * EC2 holds it now and revokes only those still ingress and still open by the detection's own predicate
 * ({@link dev.watchpost.detect.network.AdminPortExposure}), so a retried event never takes down a rule since narrowed
 * or moved, and a rule of unknown direction is acted on only once EC2 says it is ingress; the undo in the outcome is
 * built from the rules actually revoked. Without ids it revokes the exact permission (CIDR in EC2's canonical form),
 * reads the answer and describes the group again ({@link PermissionRevoke}). A rule that is already gone counts as
 * revoked: the clients act in the event's own account and region, so "not found" there means gone. An event that
 * names no group gets no plan; an event without ids that does not state a permission's protocol revokes nothing and
 * fails, asking for a person: EC2 revokes only an exact match. Thread-safe.
 */
public final class RevokeSecurityGroupRules extends DetailsRemediation<OpenSecurityGroupIngress> {
    public static final String ID = "revoke-security-group-rules";
    /** Why a permission whose protocol the event does not state is left to a person. */
    public static final String PROTOCOL_NOT_STATED =
            "could not tell the protocol from the event; not revoked — revoke by hand";
    /** Why a rule of unknown direction without an {@code sgr-} id is left to a person. */
    public static final String DIRECTION_NOT_STATED =
            "the event names no rule id and does not say ingress or egress; not revoked — check and revoke by hand";
    public static final RemediationInfo INFO = new RemediationInfo(ID, SecurityGroupAdminPortOpen.ID, List.of(
            "ec2:RevokeSecurityGroupIngress",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSecurityGroupRules"),
            RemediationMode.ENFORCE,
            // Revoking by rule id names the rules as well as the group, and IAM checks both resource types.
            Map.of("ec2:RevokeSecurityGroupIngress", List.of("arn:{partition}:ec2:{region}:{account}:security-group/*",
                    "arn:{partition}:ec2:{region}:{account}:security-group-rule/*")));

    private final GroupExemption exemptions;

    public RevokeSecurityGroupRules(String exemptTagKey, Clock clock) {
        this(exemptTagKey, clock, new ExemptionWitness());
    }

    /** @param witness who this container saw set exemption tags, to flag an exemption set by the opener itself */
    public RevokeSecurityGroupRules(String exemptTagKey, Clock clock, ExemptionWitness witness) {
        super(INFO, OpenSecurityGroupIngress.class);
        this.exemptions = new GroupExemption(exemptTagKey, clock, witness);
    }

    @Override
    protected Optional<Plan> plan(Finding finding, OpenSecurityGroupIngress open, RemediationMode mode) {
        if (open.permissions().isEmpty()) {
            return Optional.empty();
        }
        String group = groupLabel(open);
        if (group.isEmpty()) {
            return Optional.empty(); // the event names no group: nothing to act on, the alert goes out alone
        }
        List<String> targets = open.allRuleIdsKnown()
                ? open.ruleIds().stream().distinct().toList()
                : open.permissions().stream().map(IngressPermission::display).toList();
        if (!open.allRuleIdsKnown() && !open.directionKnown()) {
            return Optional.of(new Plan(ID, mode, targets, "Revoke by hand from " + group + ": "
                    + String.join(", ", targets) + " (if ingress: the event does not say)", ""));
        }
        if (!open.allRuleIdsKnown() && !open.allProtocolsStated()) {
            // Nothing will be revoked, so nothing to undo; an undo built from the guessed protocol would be wrong too.
            String description = "Revoke by hand from " + group + ": " + String.join(", ", targets)
                    + " (protocol not stated in the event)";
            return Optional.of(new Plan(ID, mode, targets, description, ""));
        }
        if (!open.directionKnown()) {
            // The event does not say ingress: no undo may claim it; a confirmed revoke brings its own undo.
            String description = "Revoke " + String.join(", ", targets) + " from " + group
                    + " if EC2 confirms it is an ingress rule open to the internet";
            return Optional.of(new Plan(ID, mode, targets, description, ""));
        }
        String description = "Revoke " + String.join(", ", targets) + " from " + group;
        return Optional.of(new Plan(ID, mode, targets, description,
                IngressUndo.command(finding.event().region(), open, open.permissions())));
    }

    @Override
    protected Outcome apply(Plan plan, Finding finding, OpenSecurityGroupIngress open, Remediations.Clients clients) {
        Ec2Client ec2 = clients.ec2();
        try {
            return exemptions.unlessExempt(ec2, open.groupId(), open.groupName(), plan, finding, groupId -> {
                if (open.allRuleIdsKnown()) {
                    return revokeStillOpen(ec2, plan, finding, open, groupId);
                }
                if (!open.directionKnown()) {
                    return new Outcome.Failed(plan, DIRECTION_NOT_STATED);
                }
                if (!open.allProtocolsStated()) {
                    return new Outcome.Failed(plan, PROTOCOL_NOT_STATED);
                }
                return PermissionRevoke.revoke(ec2, plan, groupId, open);
            });
        } catch (Ec2Exception e) {
            return new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }

    /** The outcome with the exemption's note (e.g. an expired tag) added to what it tells people, if it tells any. */
    static Outcome withNote(Outcome outcome, String note) {
        if (note.isEmpty()) {
            return outcome;
        }
        return switch (outcome) {
            case Outcome.Applied applied -> new Outcome.Applied(applied.plan(), joined(applied.detail(), note));
            case Outcome.Failed failed -> new Outcome.Failed(failed.plan(), joined(failed.error(), note));
            default -> outcome;
        };
    }

    static String joined(String text, String note) {
        if (note.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? note : text + "; " + note;
    }

    /**
     * Reads each named rule as EC2 holds it now and revokes only those that are still ingress rules of this group
     * open to the internet on an admin port, by the detection's own predicate: a retried or late event must not take
     * down a rule that has since been narrowed, moved to another port, or that is egress. The outcome's plan carries
     * an undo built from the rules actually revoked.
     */
    private static Outcome revokeStillOpen(Ec2Client ec2, Plan plan, Finding finding, OpenSecurityGroupIngress open,
                                           String groupId) {
        List<String> ids = open.ruleIds().stream().distinct().toList();
        Map<String, SecurityGroupRule> current = CurrentRules.byIds(ec2, ids);
        List<IngressPermission> stillOpen = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (String id : ids) {
            SecurityGroupRule found = current.get(id);
            if (found == null) {
                continue; // gone already
            }
            RuleChange rule = CurrentRules.of(found);
            if (!groupId.equals(rule.groupId())) {
                leftAlone.add(id + " belongs to " + rule.groupId());
            } else if (rule.egress() == Direction.EGRESS) {
                leftAlone.add(id + " is an egress rule");
            } else if (open.exposure().confirmedOpen(rule)) {
                stillOpen.add(CurrentRules.permission(rule));
            } else {
                leftAlone.add(id + " is now " + rule.display());
            }
        }
        String left = leftAlone.isEmpty() ? "" : "left alone: " + String.join("; ", leftAlone)
                + " (no longer an ingress rule open to the internet on an admin port)";
        if (stillOpen.isEmpty()) {
            return leftAlone.isEmpty() ? new Outcome.Applied(plan, ids.size() == 1 ? "the rule was already gone"
                    : "the rules were already gone") : new Outcome.Skipped(plan, left);
        }
        List<String> revoking = stillOpen.stream().map(IngressPermission::ruleId).toList();
        Plan actual = new Plan(plan.action(), plan.mode(), plan.targets(), plan.description(),
                IngressUndo.command(finding.event().region(), open, stillOpen));
        Outcome outcome = revokeByIds(ec2, actual, groupId, revoking);
        boolean someGone = revoking.size() + leftAlone.size() < ids.size();
        String note = joined(someGone ? "some rules were already gone" : "", left);
        return withNote(outcome, note);
    }

    private static Outcome revokeByIds(Ec2Client ec2, Plan plan, String groupId, List<String> ruleIds) {
        try {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleIds));
            return new Outcome.Applied(plan, "");
        } catch (Ec2Exception e) {
            if (!isAlreadyGone(e)) {
                return new Outcome.Failed(plan, Ec2Errors.describe(e));
            }
            if (ruleIds.size() == 1) {
                return new Outcome.Applied(plan, "the rule was already gone");
            }
        }
        // One of several ids is gone, which fails the whole call: revoke the others one by one.
        for (String ruleId : ruleIds) {
            try {
                ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId));
            } catch (Ec2Exception e) {
                if (!isAlreadyGone(e)) {
                    return new Outcome.Failed(plan, ruleId + ": " + Ec2Errors.describe(e));
                }
            }
        }
        return new Outcome.Applied(plan, "some rules were already gone");
    }

    static IpPermission toIpPermission(IngressPermission permission) {
        IpPermission.Builder builder = IpPermission.builder().ipProtocol(permission.protocol());
        if (!permission.isAllTraffic()) {
            builder.fromPort(permission.ports().from()).toPort(permission.ports().to());
        }
        String cidr = canonical(permission.cidr());
        if (permission.ipv6()) {
            builder.ipv6Ranges(Ipv6Range.builder().cidrIpv6(cidr).build());
        } else {
            builder.ipRanges(IpRange.builder().cidrIp(cidr).build());
        }
        return builder.build();
    }

    /** The CIDR as EC2 stores and matches it ({@code 198.51.100.7/0} is {@code 0.0.0.0/0}); else as written. */
    static String canonical(String cidr) {
        return Cidr.parse(cidr).map(Cidr::canonical).orElse(cidr);
    }

    static String groupLabel(OpenSecurityGroupIngress open) {
        return open.groupId().isEmpty() ? open.groupName() : open.groupId();
    }

    static boolean isAlreadyGone(Ec2Exception e) {
        String code = Ec2Errors.code(e);
        return code.equals("InvalidPermission.NotFound") || code.equals("InvalidSecurityGroupRuleId.NotFound");
    }
}
