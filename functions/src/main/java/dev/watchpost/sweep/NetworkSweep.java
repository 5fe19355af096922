package dev.watchpost.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.NetworkAclAdminPortOpen;
import dev.watchpost.detect.network.PrefixListIngress;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.ec2.PrefixListEntries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Security groups and network ACLs open to the internet on an admin port, as they stand. Every ingress rule of the
 * region ({@code DescribeSecurityGroupRules}, all pages) is grouped by security group and restated as the rule set an
 * {@code AuthorizeSecurityGroupIngress} response carries, {@code sgr-} ids included, so
 * {@link SecurityGroupAdminPortOpen} judges it with the one predicate and the revoke acts on exactly the offending
 * rule ids after re-reading them. A group's rules that let a managed prefix list reach an admin port (by
 * {@link SecurityGroupAdminPortFromPrefixList}) have their lists expanded ({@code GetManagedPrefixListEntries}, every
 * page, each list read once per place swept); the rules whose list holds an internet CIDR are put to that detection
 * again and reported under its id, with the entries found; a list of private ranges reports nothing, and one EC2
 * refuses to show is reported with the refusal (it may hold the internet). Every ingress
 * allow entry of every network ACL ({@code DescribeNetworkAcls}) is restated as a {@code CreateNetworkAclEntry}
 * request for {@link NetworkAclAdminPortOpen}. Thread-safe.
 *
 * @param pageSize results per page asked of EC2 (5 to {@value #MAX_PAGE}); small only in tests
 */
public record NetworkSweep(Detection groups, Detection prefixLists, Detection acls, int pageSize) implements Ec2Sweep {
    public static final SweepInfo INFO = new SweepInfo(Family.NETWORK,
            List.of("ec2:DescribeSecurityGroupRules", "ec2:DescribeNetworkAcls", "ec2:GetManagedPrefixListEntries"),
            List.of());
    /** EC2's largest page for both calls. */
    public static final int MAX_PAGE = 1000;

    public NetworkSweep {
        if (pageSize < 5 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 5 to " + MAX_PAGE + ": " + pageSize);
        }
    }

    @Override
    public SweepInfo info() {
        return INFO;
    }

    @Override
    public void sweep(Ec2Client ec2, String account, String region, Instant at, List<Finding> found) {
        Map<String, PrefixListEntries> lists = new HashMap<>();
        for (Map.Entry<String, List<SecurityGroupRule>> group : ingressRulesByGroup(ec2).entrySet()) {
            found.addAll(groups.evaluate(ruleSet(account, region, at, SecurityGroupAdminPortOpen.ID, group.getKey(),
                    group.getValue())));
            found.addAll(prefixListFindings(ec2, lists, account, region, at, group.getKey(), group.getValue()));
        }
        for (NetworkAcl acl : ec2.describeNetworkAclsPaginator(r -> r.maxResults(pageSize)).networkAcls()) {
            for (NetworkAclEntry entry : acl.entries()) {
                if (Boolean.TRUE.equals(entry.egress()) || !"allow".equalsIgnoreCase(entry.ruleActionAsString())) {
                    continue;
                }
                found.addAll(acls.evaluate(StateRecord.of(account, region, at, SOURCE, "CreateNetworkAclEntry",
                        NetworkAclAdminPortOpen.ID, acl.networkAclId() + "/" + entry.ruleNumber(),
                        request(acl, entry), null)));
            }
        }
    }

    /** The group's rules as the rule set of an {@code AuthorizeSecurityGroupIngress} response, for one detection. */
    private static CloudTrailEvent ruleSet(String account, String region, Instant at, String detection,
                                           String groupId, List<SecurityGroupRule> rules) {
        ObjectNode request = StateRecord.object().put("groupId", groupId);
        ObjectNode response = StateRecord.object();
        ArrayNode items = response.putObject("securityGroupRuleSet").putArray("items");
        rules.forEach(rule -> items.add(item(rule)));
        return StateRecord.of(account, region, at, SOURCE, "AuthorizeSecurityGroupIngress", detection, groupId, request,
                response);
    }

    /**
     * The group's rules that let a prefix list holding an internet CIDR reach an admin port, as the prefix-list
     * detection reports them, with what the lists hold; nothing when no such list is referenced. {@code lists} keeps
     * each list read once in this sweep of the place.
     */
    private List<Finding> prefixListFindings(Ec2Client ec2, Map<String, PrefixListEntries> lists, String account,
                                             String region, Instant at, String groupId,
                                             List<SecurityGroupRule> rules) {
        List<SecurityGroupRule> referencing = rules.stream().filter(rule -> rule.prefixListId() != null).toList();
        if (referencing.isEmpty()) {
            return List.of();
        }
        String id = SecurityGroupAdminPortFromPrefixList.ID;
        List<Finding> reaching = prefixLists.evaluate(ruleSet(account, region, at, id, groupId, referencing));
        if (reaching.isEmpty() || !(reaching.getFirst().details() instanceof PrefixListIngress candidates)) {
            return List.of();
        }
        List<PrefixListEntries> internet = candidates.prefixListIds().stream()
                .map(list -> lists.computeIfAbsent(list, key -> entries(ec2, key, candidates)))
                .filter(PrefixListEntries::mayHoldInternet).toList();
        if (internet.isEmpty()) {
            return List.of();
        }
        Set<String> open = internet.stream().map(PrefixListEntries::listId).collect(Collectors.toSet());
        List<SecurityGroupRule> offending = referencing.stream().filter(rule -> open.contains(rule.prefixListId()))
                .toList();
        String entries = internet.stream().map(PrefixListEntries::describe).collect(Collectors.joining("; "));
        return prefixLists.evaluate(ruleSet(account, region, at, id, groupId, offending)).stream()
                .map(finding -> withEntries(finding, entries)).toList();
    }

    /**
     * The list's entries, or why EC2 refused them: one list a role may not read (or that was deleted meanwhile) must
     * not cost the sweep every other finding of the place, and its rules are reported with the refusal.
     */
    private static PrefixListEntries entries(Ec2Client ec2, String listId, PrefixListIngress candidates) {
        try {
            return PrefixListEntries.read(ec2, listId, candidates.exposure());
        } catch (Ec2Exception refusal) {
            return PrefixListEntries.unreadable(listId, refusal);
        }
    }

    /** The finding, saying what the sweep read in the lists instead of that the event could not tell. */
    private static Finding withEntries(Finding finding, String entries) {
        Map<String, String> context = new LinkedHashMap<>(finding.context());
        context.put("prefixListEntries", entries);
        String title = finding.title().replace(SecurityGroupAdminPortFromPrefixList.ENTRIES_NOT_IN_EVENT, "")
                + "; " + entries;
        return new Finding(finding.detection(), finding.severity(), title, finding.event(), finding.resources(),
                context, finding.details());
    }

    /** Every ingress rule of the region, all pages, by group id in the order EC2 lists them. */
    private Map<String, List<SecurityGroupRule>> ingressRulesByGroup(Ec2Client ec2) {
        Map<String, List<SecurityGroupRule>> byGroup = new LinkedHashMap<>();
        for (SecurityGroupRule rule : ec2.describeSecurityGroupRulesPaginator(r -> r.maxResults(pageSize))
                .securityGroupRules()) {
            if (!Boolean.TRUE.equals(rule.isEgress()) && rule.groupId() != null) {
                byGroup.computeIfAbsent(rule.groupId(), id -> new ArrayList<>()).add(rule);
            }
        }
        return byGroup;
    }

    /** The rule as a {@code securityGroupRuleSet} item of an EC2 response. */
    private static ObjectNode item(SecurityGroupRule rule) {
        ObjectNode item = StateRecord.object();
        item.put("securityGroupRuleId", rule.securityGroupRuleId());
        item.put("groupId", rule.groupId());
        item.put("isEgress", Boolean.TRUE.equals(rule.isEgress()));
        item.put("ipProtocol", rule.ipProtocol());
        if (rule.fromPort() != null) {
            item.put("fromPort", rule.fromPort());
        }
        if (rule.toPort() != null) {
            item.put("toPort", rule.toPort());
        }
        StateRecord.putIfPresent(item, "cidrIpv4", rule.cidrIpv4());
        StateRecord.putIfPresent(item, "cidrIpv6", rule.cidrIpv6());
        StateRecord.putIfPresent(item, "prefixListId", rule.prefixListId());
        if (rule.referencedGroupInfo() != null && rule.referencedGroupInfo().groupId() != null) {
            item.putObject("referencedGroupInfo").put("groupId", rule.referencedGroupInfo().groupId());
        }
        return item;
    }

    /** The entry as the request of the call that would create it. */
    private static ObjectNode request(NetworkAcl acl, NetworkAclEntry entry) {
        ObjectNode request = StateRecord.object();
        request.put("networkAclId", acl.networkAclId());
        request.put("ruleNumber", entry.ruleNumber());
        request.put("egress", false);
        request.put("ruleAction", entry.ruleActionAsString());
        request.put("aclProtocol", entry.protocol());
        if (entry.portRange() != null) {
            request.putObject("portRange").put("from", entry.portRange().from()).put("to", entry.portRange().to());
        }
        StateRecord.putIfPresent(request, "cidrBlock", entry.cidrBlock());
        StateRecord.putIfPresent(request, "ipv6CidrBlock", entry.ipv6CidrBlock());
        return request;
    }
}
