package dev.watchpost.detect.network;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A security group now lets the whole internet reach SSH, RDP or another admin port over TCP.
 *
 * <p>Why it matters: an internet-facing SSH or RDP port is brute-forced within minutes of opening (MITRE ATT&amp;CK
 * T1133 External Remote Services, T1021.004 SSH, T1021.001 RDP); attackers and careless changes open it the same
 * way. Fires on successful {@code AuthorizeSecurityGroupIngress} and {@code ModifySecurityGroupRules} calls whose
 * resulting rule allows TCP or all traffic, on a port range containing an admin port, from a CIDR at least as wide as
 * the configured internet prefix (default: any /0, IPv4 or IPv6). Failed calls and dry runs, UDP, egress, narrower
 * CIDRs, security-group references and prefix lists do not fire (prefix lists are noted; expanding them is future
 * work). {@code ModifySecurityGroupRules} events do not say ingress or egress, so they fire as candidates and the
 * remediation checks the rule's direction first. A rule that states no protocol is taken as all traffic (CRITICAL)
 * and marked unstated, so the remediation does not revoke by that guess.
 *
 * <p>Known false positives: bastion or honeypot groups that are meant to be open; tag them {@code watchpost:exempt}.
 *
 * <p>Triage: who made the call and from where (is the source IP one of yours, was MFA used)? Is anything listening
 * behind the group (instances, ENIs using it)? Look for logins on those instances since the event time; if the rule
 * was not intended, keep it revoked and rotate keys the principal could reach.
 */
public final class SecurityGroupAdminPortOpen implements Detection {
    public static final String ID = "network.sg-admin-port-open";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.NETWORK,
            "Admin port open to the internet in a security group", Severity.HIGH,
            Set.of("ec2.amazonaws.com"),
            Set.of("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"),
            List.of("Confirm who made the call and from where: is the source IP yours, was MFA used?",
                    "List what uses the group (instances, network interfaces) and whether anything listens on the port.",
                    "Look for logins on those instances since the event time (auth logs, SSM, VPC flow logs).",
                    "If the change was not intended, keep the rule revoked and review the principal's other recent calls."));

    private final DetectionParameters parameters;

    public SecurityGroupAdminPortOpen(DetectionParameters parameters) {
        this.parameters = parameters;
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
        List<RuleChange> rules = SecurityGroupRuleReader.read(event);
        List<IngressPermission> offending = new ArrayList<>();
        Set<Integer> exposedPorts = new TreeSet<>();
        Set<String> notExpanded = new LinkedHashSet<>();
        String ruleGroupId = "";
        for (RuleChange rule : rules) {
            if (rule.egress() == Direction.EGRESS || !rule.carriesTcp()) {
                continue;
            }
            Set<Integer> ports = adminPortsIn(rule);
            if (ports.isEmpty()) {
                continue;
            }
            if (rule.kind() == SourceKind.PREFIX_LIST) {
                notExpanded.add(rule.source());
                continue;
            }
            if (rule.kind() != SourceKind.CIDR) {
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(rule.source());
            if (cidr.isPresent() && parameters.isInternet(cidr.get())) {
                offending.add(new IngressPermission(rule.ruleId(), rule.isAllTraffic() ? IngressPermission.ALL_TRAFFIC
                        : "tcp", rule.protocolStated(), rule.isAllTraffic() ? PortRange.ALL : rule.ports(),
                        rule.source(), cidr.get().ipv6()));
                exposedPorts.addAll(ports);
                ruleGroupId = ruleGroupId.isEmpty() ? rule.groupId() : ruleGroupId;
            }
        }
        if (offending.isEmpty()) {
            return List.of();
        }
        return List.of(finding(event, offending, exposedPorts, notExpanded, ruleGroupId));
    }

    private Set<Integer> adminPortsIn(RuleChange rule) {
        Set<Integer> found = new TreeSet<>();
        for (int port : parameters.adminPorts()) {
            if (rule.isAllTraffic() || rule.ports().contains(port)) {
                found.add(port);
            }
        }
        return found;
    }

    private Finding finding(CloudTrailEvent event, List<IngressPermission> offending, Set<Integer> ports,
                            Set<String> notExpanded, String ruleGroupId) {
        boolean modify = event.eventName().equals("ModifySecurityGroupRules");
        String groupId = SecurityGroupRuleReader.groupId(event);
        String groupName = SecurityGroupRuleReader.groupName(event);
        if (groupId.isEmpty()) {
            groupId = ruleGroupId;
        }
        OpenSecurityGroupIngress details = new OpenSecurityGroupIngress(groupId, groupName, offending, !modify);
        boolean critical = offending.stream().anyMatch(p -> p.isAllTraffic() || p.ports().isAll());
        String group = groupId.isEmpty() ? groupName : groupId;

        List<Resource> resources = new ArrayList<>();
        resources.add(new Resource(Resource.SECURITY_GROUP, group));
        details.ruleIds().stream().distinct().forEach(id -> resources.add(new Resource(Resource.SECURITY_GROUP_RULE, id)));

        Map<String, String> context = new LinkedHashMap<>();
        context.put("securityGroup", group);
        context.put("exposedPorts", ports.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        context.put("permissions", offending.stream()
                .map(p -> p.display() + (p.ruleId().isEmpty() ? "" : " (" + p.ruleId() + ")"))
                .collect(Collectors.joining("; ")));
        if (!details.ruleIds().isEmpty()) {
            context.put("ruleIds", String.join(", ", details.ruleIds()));
        }
        if (modify) {
            context.put("direction", "not stated by ModifySecurityGroupRules; confirmed before remediation");
        }
        if (!notExpanded.isEmpty()) {
            context.put("prefixListsNotExpanded", String.join(", ", notExpanded));
        }
        if (event.principal().isAwsService()) {
            context.put("madeByAwsService", event.principal().invokedBy().isEmpty()
                    ? event.principal().type() : event.principal().invokedBy());
        }
        Severity severity = critical ? Severity.CRITICAL : Severity.HIGH;
        String title = portNames(ports, critical) + " open to the internet on " + group;
        return new Finding(INFO, severity, title, event, resources, context, details);
    }

    private static String portNames(Set<Integer> ports, boolean critical) {
        if (critical && ports.size() > 1) {
            return "All ports";
        }
        List<String> names = new ArrayList<>();
        for (int port : ports) {
            names.add(switch (port) {
                case 22 -> "SSH";
                case 3389 -> "RDP";
                default -> "Port " + port;
            });
        }
        return String.join(" and ", names);
    }
}
