package dev.watchpost.detect.network;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A security group now lets a managed prefix list reach an admin port. The event names the list, not what it holds:
 * if the list contains 0.0.0.0/0 (see {@code network.prefix-list-internet-entry}), the port is open to the internet
 * while {@code network.sg-admin-port-open} sees no CIDR at all (T1133 External Remote Services).
 *
 * <p>Fires on successful {@code AuthorizeSecurityGroupIngress} and {@code ModifySecurityGroupRules} whose rule, not
 * known to be egress, carries TCP or all traffic on a range containing an admin port, from a prefix list. MEDIUM: the
 * usual use is a corporate or VPN list, and only a look at the list can tell. The finding carries the referencing rules
 * ({@link PrefixListIngress}); the remediation ({@code revoke-prefix-list-rules}, DRY_RUN by default) reads the list's
 * entries and the rules as EC2 holds them when it acts, and revokes a rule only if its list still holds an internet
 * CIDR and the rule still lets the list reach an admin port; a list of private or corporate ranges is left alone. The
 * network sweep expands the lists it finds referenced and reports only those holding an internet CIDR under this id.
 *
 * <p>Known false positives: prefix lists of your own office or VPN ranges (the common case).
 *
 * <p>Triage: read the list's entries ({@code aws ec2 get-managed-prefix-list-entries}); if any is an internet CIDR,
 * treat this as an admin port open to the internet; check who last modified the list.
 */
public final class SecurityGroupAdminPortFromPrefixList implements Detection {
    public static final String ID = "network.sg-admin-port-prefix-list";
    /** The end of the title: the event never says what the list holds (a sweep, which reads it, replaces this). */
    public static final String ENTRIES_NOT_IN_EVENT = " (its entries are not in the event)";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.NETWORK,
            "Admin port open to a prefix list in a security group", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"),
            Set.of("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"),
            List.of("Read the prefix list's entries: aws ec2 get-managed-prefix-list-entries --prefix-list-id <id>.",
                    "If an entry is an internet CIDR (0.0.0.0/0, ::/0), treat the port as open to the internet.",
                    "Check who last changed the prefix list and whether the rule was intended."));

    private final AdminPortExposure exposure;

    public SecurityGroupAdminPortFromPrefixList(DetectionParameters parameters) {
        this.exposure = new AdminPortExposure(parameters);
    }

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        Set<String> lists = new LinkedHashSet<>();
        Set<Integer> ports = new TreeSet<>();
        List<RuleChange> referencing = new ArrayList<>();
        String groupId = SecurityGroupRuleReader.groupId(event);
        for (RuleChange rule : SecurityGroupRuleReader.read(event)) {
            Set<Integer> reached = exposure.adminPortsReached(rule);
            if (rule.kind() != SourceKind.PREFIX_LIST || reached.isEmpty()) {
                continue;
            }
            lists.add(rule.source());
            ports.addAll(reached);
            referencing.add(rule);
            groupId = groupId.isEmpty() ? rule.groupId() : groupId;
        }
        if (lists.isEmpty()) {
            return List.of();
        }
        String groupName = SecurityGroupRuleReader.groupName(event);
        String group = groupId.isEmpty() ? groupName : groupId;
        PrefixListIngress details = new PrefixListIngress(groupId, groupName, referencing, exposure);
        String portText = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        FindingBuilder finding = FindingBuilder.of(INFO, event)
                .title("Port " + portText + " on " + group + " open to prefix list " + String.join(", ", lists)
                        + ENTRIES_NOT_IN_EVENT)
                .resource(Resource.SECURITY_GROUP, group)
                .context("securityGroup", group)
                .context("exposedPorts", portText)
                .context("prefixLists", String.join(", ", lists))
                .context("remediation", "revoke the referencing rules only if the list holds an internet CIDR when "
                        + "the remediation runs (it reads the entries first)")
                .details(details);
        lists.forEach(list -> finding.resource(Resource.PREFIX_LIST, list));
        details.ruleIds().forEach(id -> finding.resource(Resource.SECURITY_GROUP_RULE, id));
        return finding.buildList();
    }
}
