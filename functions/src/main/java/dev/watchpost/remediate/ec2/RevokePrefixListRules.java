package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.PrefixListIngress;
import dev.watchpost.detect.network.RuleChange;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.remediate.DetailsRemediation;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Revokes the security-group rules that let a managed prefix list reach an admin port, but only while the list holds
 * an internet CIDR: the event names the list, never its entries, and most such lists are office or VPN ranges. When it
 * acts, in the event's account and region, it reads the group (an active exemption tag means skip), the rules as EC2
 * holds them now (by {@code sgr-} id, or every rule of the group when the event gave none) and each referenced list's
 * entries ({@code GetManagedPrefixListEntries}, every page, once per list); a rule is revoked, by its id, only if it is
 * still an ingress rule of the group that lets the same list reach an admin port by the detection's predicate, and its
 * list holds a CIDR that predicate counts as the internet (compared as networks). Everything else is left alone and
 * named in a {@code Skipped} outcome: a list of private ranges, a rule gone or narrowed. AWS-managed lists
 * ({@code com.amazonaws.*}) get no special case: they hold AWS's own service ranges, never an internet block, so the
 * entries decide for them too. {@code Applied} only when EC2's answer lists the rules as revoked, or a read-back finds
 * them gone; an answer that lists them as unknown is {@code Failed}. The undo re-authorizes the revoked rules exactly
 * (protocol, ports, list). Default mode {@code DRY_RUN}. Thread-safe.
 */
public final class RevokePrefixListRules extends DetailsRemediation<PrefixListIngress> {
    public static final String ID = "revoke-prefix-list-rules";
    private static final String REVOKE = "ec2:RevokeSecurityGroupIngress";
    private static final String ENTRIES = "ec2:GetManagedPrefixListEntries";
    public static final RemediationInfo INFO = new RemediationInfo(ID, SecurityGroupAdminPortFromPrefixList.ID,
            List.of(REVOKE, "ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", ENTRIES),
            RemediationMode.DRY_RUN,
            // A referenced list may be shared from another account (RAM) or owned by AWS, so any owner's list.
            Map.of(REVOKE, RevokeSecurityGroupRules.INFO.resourcesFor(REVOKE),
                    ENTRIES, List.of("arn:{partition}:ec2:{region}:*:prefix-list/*")));

    private final GroupExemption exemptions;

    /** @param witness who this container saw set exemption tags, to flag an exemption set by the opener itself */
    public RevokePrefixListRules(String exemptTagKey, Clock clock, ExemptionWitness witness) {
        super(INFO, PrefixListIngress.class);
        this.exemptions = new GroupExemption(exemptTagKey, clock, witness);
    }

    @Override
    protected Optional<Plan> plan(Finding finding, PrefixListIngress lists, RemediationMode mode) {
        String group = lists.groupId().isEmpty() ? lists.groupName() : lists.groupId();
        if (group.isEmpty()) {
            return Optional.empty(); // the event names no group: nothing to act on, the alert goes out alone
        }
        List<String> targets = lists.allRuleIdsKnown() ? lists.ruleIds()
                : lists.rules().stream().map(RuleChange::display).distinct().toList();
        String description = "Revoke " + String.join(", ", targets) + " from " + group + " if "
                + String.join(", ", lists.prefixListIds()) + " holds an internet CIDR";
        // An undo may only claim what the event stated: ingress, and the protocol.
        boolean exact = lists.rules().stream().allMatch(r -> r.egress() == Direction.INGRESS && r.protocolStated());
        String undo = exact ? IngressUndo.prefixListCommand(finding.event().region(), lists.groupId(),
                lists.groupName(), lists.rules()) : "";
        return Optional.of(new Plan(ID, mode, targets, description, undo));
    }

    @Override
    protected Outcome apply(Plan plan, Finding finding, PrefixListIngress lists, Remediations.Clients clients) {
        Ec2Client ec2 = clients.ec2();
        try {
            return exemptions.unlessExempt(ec2, lists.groupId(), lists.groupName(), plan, finding,
                    groupId -> revokeIfInternet(ec2, plan, finding, lists, groupId));
        } catch (Ec2Exception e) {
            return new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }

    private static Outcome revokeIfInternet(Ec2Client ec2, Plan plan, Finding finding, PrefixListIngress lists,
                                            String groupId) {
        List<String> notes = new ArrayList<>();
        List<RuleChange> candidates = lists.allRuleIdsKnown()
                ? stillReferencing(ec2, lists, groupId, notes)
                : CurrentRules.ofGroup(ec2, groupId).stream().map(CurrentRules::of)
                        .filter(rule -> referencesAdminPort(lists, groupId, rule)).toList();
        if (candidates.isEmpty()) {
            notes.addFirst(lists.allRuleIdsKnown() ? "no rule still lets " + String.join(", ", lists.prefixListIds())
                    + " reach an admin port" : "no ingress rule of " + groupId + " lets "
                    + String.join(", ", lists.prefixListIds()) + " reach an admin port any more");
            return new Outcome.Skipped(plan, String.join("; ", notes));
        }
        Map<String, PrefixListEntries> entries = new LinkedHashMap<>();
        List<RuleChange> offending = new ArrayList<>();
        for (RuleChange rule : candidates) {
            PrefixListEntries list = entries.computeIfAbsent(rule.source(),
                    id -> PrefixListEntries.read(ec2, id, lists.exposure()));
            if (list.holdsInternet()) {
                offending.add(rule);
            }
        }
        entries.values().stream().filter(list -> !list.holdsInternet())
                .forEach(list -> notes.add(list.describe() + ": not the internet, left alone"));
        if (offending.isEmpty()) {
            return new Outcome.Skipped(plan, String.join("; ", notes));
        }
        List<String> ids = offending.stream().map(RuleChange::ruleId).distinct().toList();
        String why = offending.stream().map(RuleChange::source).distinct().map(id -> entries.get(id).describe())
                .collect(Collectors.joining("; "));
        Plan actual = new Plan(plan.action(), plan.mode(), plan.targets(), plan.description(),
                IngressUndo.prefixListCommand(finding.event().region(), groupId, "", offending));
        Outcome revoked = revoke(ec2, actual, groupId, ids, why);
        return RevokeSecurityGroupRules.withNote(revoked, String.join("; ", notes));
    }

    /** The named rules that still reference one of the finding's lists on an admin port; notes the others. */
    private static List<RuleChange> stillReferencing(Ec2Client ec2, PrefixListIngress lists, String groupId,
                                                     List<String> notes) {
        Map<String, SecurityGroupRule> current = CurrentRules.byIds(ec2, lists.ruleIds());
        List<RuleChange> still = new ArrayList<>();
        for (String id : lists.ruleIds()) {
            SecurityGroupRule found = current.get(id);
            if (found == null) {
                notes.add(id + " is gone");
                continue;
            }
            RuleChange rule = CurrentRules.of(found);
            if (referencesAdminPort(lists, groupId, rule)) {
                still.add(rule);
            } else {
                notes.add(id + " is now " + (rule.egress() == Direction.EGRESS ? "egress " : "") + rule.display()
                        + (groupId.equals(rule.groupId()) ? "" : " in " + rule.groupId()));
            }
        }
        return still;
    }

    /** An ingress rule of the group that lets one of the finding's lists reach an admin port, by the predicate. */
    private static boolean referencesAdminPort(PrefixListIngress lists, String groupId, RuleChange rule) {
        return groupId.equals(rule.groupId()) && rule.egress() == Direction.INGRESS
                && rule.kind() == SourceKind.PREFIX_LIST && lists.prefixListIds().contains(rule.source())
                && !lists.exposure().adminPortsReached(rule).isEmpty();
    }

    /**
     * Revokes the rules by id and reads EC2's answer: rules listed as revoked are done; an answer listing unknown
     * permissions (or {@code return} false) fails; rules the answer does not mention are read back and count as
     * revoked only if gone.
     */
    private static Outcome revoke(Ec2Client ec2, Plan plan, String groupId, List<String> ids, String why) {
        Set<String> listed;
        try {
            RevokeSecurityGroupIngressResponse response = ec2.revokeSecurityGroupIngress(
                    r -> r.groupId(groupId).securityGroupRuleIds(ids));
            if (!response.unknownIpPermissions().isEmpty() || Boolean.FALSE.equals(response.returnValue())) {
                String unknown = response.unknownIpPermissions().stream().map(RevokePrefixListRules::display)
                        .collect(Collectors.joining("; "));
                return new Outcome.Failed(plan, "EC2 matched no rule to " + (unknown.isEmpty()
                        ? String.join(", ", ids) : unknown) + " (" + why + ")");
            }
            listed = response.revokedSecurityGroupRules().stream()
                    .map(RevokedSecurityGroupRule::securityGroupRuleId).collect(Collectors.toSet());
        } catch (Ec2Exception e) {
            if (!RevokeSecurityGroupRules.isAlreadyGone(e)) {
                return new Outcome.Failed(plan, Ec2Errors.describe(e));
            }
            listed = Set.of();
        }
        Set<String> answered = listed;
        List<String> unlisted = ids.stream().filter(id -> !answered.contains(id)).toList();
        if (unlisted.isEmpty()) {
            return new Outcome.Applied(plan, "revoked " + String.join(", ", ids) + " (" + why + ")");
        }
        Set<String> remaining = CurrentRules.byIds(ec2, unlisted).keySet();
        if (!remaining.isEmpty()) {
            return new Outcome.Failed(plan, "still present after the revoke: " + String.join(", ", remaining)
                    + " (" + why + ")");
        }
        return new Outcome.Applied(plan, String.join(", ", ids) + " gone (" + why + ")");
    }

    private static String display(IpPermission permission) {
        String source = permission.prefixListIds().stream().map(PrefixListId::prefixListId)
                .collect(Collectors.joining(","));
        return permission.ipProtocol() + " " + permission.fromPort() + "-" + permission.toPort()
                + (source.isEmpty() ? "" : " from " + source);
    }
}
