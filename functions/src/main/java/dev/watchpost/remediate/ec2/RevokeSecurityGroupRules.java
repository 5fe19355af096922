package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.remediate.Exemption;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.Remediation;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.ShellQuote;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Revokes exactly the ingress rules that opened an admin port to the internet, and nothing else of the group: by
 * {@code sgr-} id when the event gave ids, else by the exact permission (protocol, ports, CIDR). Before acting it reads
 * the group's tags (an active exemption tag means skip) and, for {@code ModifySecurityGroupRules}, confirms each rule
 * is ingress and still open to the same CIDR. A rule that is already gone counts as revoked: the clients act in the
 * event's own account and region, so "not found" there means gone. An event that names no
 * group (neither id nor name, anywhere) gets no plan: there is nothing safe to act on. An event without ids that does
 * not state a permission's protocol revokes nothing and fails, asking for a person: EC2 revokes only an exact match,
 * and a guessed protocol would be answered "not found" while the real rule stayed open. Thread-safe.
 */
public final class RevokeSecurityGroupRules implements Remediation {
    public static final String ID = "revoke-security-group-rules";
    /** Why a permission whose protocol the event does not state is left to a person. */
    public static final String PROTOCOL_NOT_STATED =
            "could not tell the protocol from the event; not revoked — revoke by hand";
    public static final RemediationInfo INFO = new RemediationInfo(ID, SecurityGroupAdminPortOpen.ID, List.of(
            "ec2:RevokeSecurityGroupIngress",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSecurityGroupRules"),
            RemediationMode.ENFORCE,
            // Revoking by rule id names the rules as well as the group, and IAM checks both resource types.
            Map.of("ec2:RevokeSecurityGroupIngress", List.of("arn:{partition}:ec2:{region}:{account}:security-group/*",
                    "arn:{partition}:ec2:{region}:{account}:security-group-rule/*")));

    private final String exemptTagKey;
    private final Clock clock;
    private final ExemptionWitness witness;

    public RevokeSecurityGroupRules(String exemptTagKey, Clock clock) {
        this(exemptTagKey, clock, new ExemptionWitness());
    }

    /** @param witness who this container saw set exemption tags, to flag an exemption set by the opener itself */
    public RevokeSecurityGroupRules(String exemptTagKey, Clock clock, ExemptionWitness witness) {
        this.witness = witness;
        this.exemptTagKey = exemptTagKey;
        this.clock = clock;
    }

    @Override
    public RemediationInfo info() {
        return INFO;
    }

    @Override
    public Optional<Plan> plan(Finding finding, RemediationMode mode) {
        if (!(finding.details() instanceof OpenSecurityGroupIngress open) || open.permissions().isEmpty()) {
            return Optional.empty();
        }
        String group = groupLabel(open);
        if (group.isEmpty()) {
            return Optional.empty(); // the event names no group: nothing to act on, the alert goes out alone
        }
        List<String> targets = open.allRuleIdsKnown()
                ? open.ruleIds().stream().distinct().toList()
                : open.permissions().stream().map(IngressPermission::display).toList();
        if (!open.allRuleIdsKnown() && !open.allProtocolsStated()) {
            // Nothing will be revoked, so nothing to undo; an undo built from the guessed protocol would be wrong too.
            String description = "Revoke by hand from " + group + ": " + String.join(", ", targets)
                    + " (protocol not stated in the event)";
            return Optional.of(new Plan(ID, mode, targets, description, ""));
        }
        String description = "Revoke " + String.join(", ", targets) + " from " + group;
        return Optional.of(new Plan(ID, mode, targets, description, undoCommand(finding, open)));
    }

    @Override
    public Outcome apply(Plan plan, Finding finding, Remediations.Clients clients) {
        OpenSecurityGroupIngress open = (OpenSecurityGroupIngress) finding.details();
        Ec2Client ec2 = clients.ec2();
        try {
            Optional<SecurityGroup> group = describeGroup(ec2, open);
            if (group.isEmpty()) {
                return new Outcome.Applied(plan, "the security group no longer exists");
            }
            ExemptionCheck exemption = exemption(group.get());
            if (exemption.exempt()) {
                String seen = witness.noteFor(group.get().groupId(), finding);
                return new Outcome.Skipped(plan, seen.isEmpty() ? exemption.note() : exemption.note() + "; " + seen);
            }
            String groupId = group.get().groupId();
            if (open.allRuleIdsKnown()) {
                List<String> ruleIds = open.ruleIds().stream().distinct().toList();
                if (!open.directionKnown()) {
                    List<String> confirmed = confirmedIngress(ec2, open, groupId);
                    if (confirmed.isEmpty()) {
                        return new Outcome.Skipped(plan,
                                "the modified rule is not an ingress rule open to the internet any more");
                    }
                    ruleIds = confirmed;
                }
                return withNote(revokeByIds(ec2, plan, groupId, ruleIds), exemption.note());
            }
            if (!open.allProtocolsStated()) {
                return withNote(new Outcome.Failed(plan, PROTOCOL_NOT_STATED), exemption.note());
            }
            return withNote(revokeByPermission(ec2, plan, groupId, open.permissions()), exemption.note());
        } catch (Ec2Exception e) {
            return new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }

    /** The outcome with the exemption's note (e.g. an expired tag) added to what it tells people, if it tells any. */
    private static Outcome withNote(Outcome outcome, String note) {
        if (note.isEmpty()) {
            return outcome;
        }
        return switch (outcome) {
            case Outcome.Applied applied -> new Outcome.Applied(applied.plan(), joined(applied.detail(), note));
            case Outcome.Failed failed -> new Outcome.Failed(failed.plan(), joined(failed.error(), note));
            default -> outcome;
        };
    }

    private static String joined(String text, String note) {
        return text.isEmpty() ? note : text + "; " + note;
    }

    private static Optional<SecurityGroup> describeGroup(Ec2Client ec2, OpenSecurityGroupIngress open) {
        try {
            List<SecurityGroup> groups = open.groupId().isEmpty()
                    ? ec2.describeSecurityGroups(r -> r.groupNames(open.groupName())).securityGroups()
                    : ec2.describeSecurityGroups(r -> r.groupIds(open.groupId())).securityGroups();
            return groups.stream().findFirst();
        } catch (Ec2Exception e) {
            if (Ec2Errors.code(e).startsWith("InvalidGroup.NotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads the exemption tag. A {@code Skipped} reason when an active exemption applies; otherwise a note for the
     * alert when a tag was present but did not count (expired or unreadable), or "".
     */
    private ExemptionCheck exemption(SecurityGroup group) {
        for (Tag tag : group.tags()) {
            if (!tag.key().equals(exemptTagKey)) {
                continue;
            }
            return switch (Exemption.parse(tag.value())) {
                case Exemption.Result.Invalid invalid ->
                        new ExemptionCheck(false, "tag " + exemptTagKey + " ignored: " + invalid.problem());
                case Exemption.Result.Valid valid -> {
                    Exemption exemption = valid.exemption();
                    String until = exemption.until().map(day -> " (until " + day + ")").orElse("");
                    yield exemption.isActiveOn(LocalDate.now(clock))
                            ? new ExemptionCheck(true, "exempt by tag " + exemptTagKey + ": " + exemption.reason() + until)
                            : new ExemptionCheck(false, "tag " + exemptTagKey + " expired" + until);
                }
            };
        }
        return new ExemptionCheck(false, "");
    }

    private record ExemptionCheck(boolean exempt, String note) {}

    /** Rule ids that EC2 says are ingress and still allow one of the offending CIDRs. */
    private static List<String> confirmedIngress(Ec2Client ec2, OpenSecurityGroupIngress open, String groupId) {
        List<String> ids = open.ruleIds().stream().distinct().toList();
        List<SecurityGroupRule> rules;
        try {
            rules = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ids)).securityGroupRules();
        } catch (Ec2Exception e) {
            if (Ec2Errors.code(e).startsWith("InvalidSecurityGroupRuleId.NotFound")) {
                return List.of();
            }
            throw e;
        }
        List<String> confirmed = new ArrayList<>();
        for (SecurityGroupRule rule : rules) {
            boolean ingress = Boolean.FALSE.equals(rule.isEgress());
            boolean sameGroup = groupId.equals(rule.groupId());
            boolean stillOpen = open.permissions().stream().anyMatch(p -> p.ruleId().equals(rule.securityGroupRuleId())
                    && (p.cidr().equals(rule.cidrIpv4()) || p.cidr().equals(rule.cidrIpv6())));
            if (ingress && sameGroup && stillOpen) {
                confirmed.add(rule.securityGroupRuleId());
            }
        }
        return confirmed;
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

    private static Outcome revokeByPermission(Ec2Client ec2, Plan plan, String groupId,
                                              List<IngressPermission> permissions) {
        List<IpPermission> exact = permissions.stream().map(RevokeSecurityGroupRules::toIpPermission).toList();
        try {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(exact));
            return new Outcome.Applied(plan, "");
        } catch (Ec2Exception e) {
            return isAlreadyGone(e) ? new Outcome.Applied(plan, "the permission was already gone")
                    : new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }

    static IpPermission toIpPermission(IngressPermission permission) {
        IpPermission.Builder builder = IpPermission.builder().ipProtocol(permission.protocol());
        if (!permission.isAllTraffic()) {
            builder.fromPort(permission.ports().from()).toPort(permission.ports().to());
        }
        if (permission.ipv6()) {
            builder.ipv6Ranges(Ipv6Range.builder().cidrIpv6(permission.cidr()).build());
        } else {
            builder.ipRanges(IpRange.builder().cidrIp(permission.cidr()).build());
        }
        return builder.build();
    }

    /** The AWS CLI command that puts the revoked permissions back. */
    static String undoCommand(Finding finding, OpenSecurityGroupIngress open) {
        String target = open.groupId().isEmpty() ? "--group-name " + ShellQuote.quote(open.groupName())
                : "--group-id " + ShellQuote.quote(open.groupId());
        String permissions = open.permissions().stream().map(RevokeSecurityGroupRules::cliPermission)
                .distinct().collect(Collectors.joining(" "));
        return "aws ec2 authorize-security-group-ingress --region " + ShellQuote.quote(finding.event().region())
                + " " + target + " --ip-permissions " + permissions;
    }

    private static String cliPermission(IngressPermission permission) {
        StringBuilder text = new StringBuilder("IpProtocol=").append(permission.protocol());
        if (!permission.isAllTraffic()) {
            text.append(",FromPort=").append(permission.ports().from())
                    .append(",ToPort=").append(permission.ports().to());
        }
        text.append(permission.ipv6() ? ",Ipv6Ranges=[{CidrIpv6=" : ",IpRanges=[{CidrIp=")
                .append(permission.cidr()).append("}]");
        return ShellQuote.quote(text.toString());
    }

    private static String groupLabel(OpenSecurityGroupIngress open) {
        return open.groupId().isEmpty() ? open.groupName() : open.groupId();
    }

    private static boolean isAlreadyGone(Ec2Exception e) {
        String code = Ec2Errors.code(e);
        return code.equals("InvalidPermission.NotFound") || code.equals("InvalidSecurityGroupRuleId.NotFound");
    }
}
