package dev.watchpost.detect.network;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
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
 * while {@code network.sg-admin-port-open} sees no CIDR at all (External Remote Services).
 *
 * <p>Fires on successful {@code AuthorizeSecurityGroupIngress} and {@code ModifySecurityGroupRules} whose rule, not
 * known to be egress, carries TCP or all traffic on a range containing an admin port, from a prefix list. MEDIUM: the
 * usual use is a corporate or VPN list, and only a look at the list can tell. Not remediated: revoking on a guess would
 * cut legitimate admin access, and a safe revoke would have to read the list's entries at apply time.
 *
 * <p>Known false positives: prefix lists of your own office or VPN ranges (the common case).
 */
public final class SecurityGroupAdminPortFromPrefixList extends SuccessfulCallDetection {
    public static final String ID = "network.sg-admin-port-prefix-list";

    private final AdminPortExposure exposure;

    public SecurityGroupAdminPortFromPrefixList(DetectionParameters parameters) {
        super(ID);
        this.exposure = new AdminPortExposure(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        Set<String> lists = new LinkedHashSet<>();
        Set<Integer> ports = new TreeSet<>();
        List<String> ruleIds = new ArrayList<>();
        String groupId = SecurityGroupRuleReader.groupId(event);
        for (RuleChange rule : SecurityGroupRuleReader.read(event)) {
            Set<Integer> reached = exposure.adminPortsReached(rule);
            if (rule.kind() != SourceKind.PREFIX_LIST || reached.isEmpty()) {
                continue;
            }
            lists.add(rule.source());
            ports.addAll(reached);
            if (!rule.ruleId().isEmpty()) {
                ruleIds.add(rule.ruleId());
            }
            groupId = groupId.isEmpty() ? rule.groupId() : groupId;
        }
        if (lists.isEmpty()) {
            return List.of();
        }
        String group = groupId.isEmpty() ? SecurityGroupRuleReader.groupName(event) : groupId;
        String portText = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        FindingBuilder finding = finding(event)
                .title("Port " + portText + " on " + group + " open to prefix list " + String.join(", ", lists)
                        + " (its entries are not in the event)")
                .resource(Resource.SECURITY_GROUP, group)
                .context("securityGroup", group)
                .context("exposedPorts", portText)
                .context("prefixLists", String.join(", ", lists))
                .context("remediation", "none: the event does not tell what the list holds; read its entries");
        lists.forEach(list -> finding.resource(Resource.PREFIX_LIST, list));
        ruleIds.stream().distinct().forEach(id -> finding.resource(Resource.SECURITY_GROUP_RULE, id));
        return finding.buildList();
    }
}
