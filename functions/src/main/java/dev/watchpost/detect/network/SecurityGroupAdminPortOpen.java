package dev.watchpost.detect.network;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A security group now lets the whole internet reach SSH, RDP or another admin port over TCP.
 *
 * <p>Why it matters: an internet-facing SSH or RDP port is brute-forced within minutes of opening (MITRE ATT&amp;CK
 * External Remote Services, SSH, RDP); attackers and careless changes open it the same
 * way. Fires on successful {@code AuthorizeSecurityGroupIngress} and {@code ModifySecurityGroupRules} calls whose
 * resulting rule is open to the internet on an admin port by {@link AdminPortExposure} (TCP or all traffic, a range
 * containing an admin port, a CIDR at least as wide as the configured internet prefix, compared as a network). Failed
 * calls and dry runs, UDP, egress, narrower CIDRs, security-group references and prefix lists do not fire here
 * (prefix lists are noted, and have their own detection). {@code ModifySecurityGroupRules} events usually do not say
 * ingress or egress: an {@code IsEgress} in the request or a rule set in the response is used when present; otherwise
 * the finding says the direction is unknown, is never CRITICAL (all traffic from /0 of unknown direction, the shape of
 * the default egress rule that Terraform rewrites on egress edits, is MEDIUM; admin ports only stay HIGH), and the
 * remediation asks EC2 before acting. A rule that states no protocol is taken as all traffic (CRITICAL) and marked
 * unstated, so the remediation does not revoke by that guess.
 *
 * <p>Known false positives: bastion or honeypot groups that are meant to be open; tag them {@code watchpost:exempt}.
 */
public final class SecurityGroupAdminPortOpen extends SuccessfulCallDetection {
    public static final String ID = "network.sg-admin-port-open";

    private final AdminPortExposure exposure;

    public SecurityGroupAdminPortOpen(DetectionParameters parameters) {
        super(ID);
        this.exposure = new AdminPortExposure(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        List<IngressPermission> offending = new ArrayList<>();
        Set<Integer> exposedPorts = new TreeSet<>();
        boolean directionKnown = true;
        Set<String> notExpanded = new LinkedHashSet<>();
        String ruleGroupId = "";
        for (RuleChange rule : SecurityGroupRuleReader.read(event)) {
            if (rule.kind() == SourceKind.PREFIX_LIST && !exposure.adminPortsReached(rule).isEmpty()) {
                notExpanded.add(rule.source());
            }
            Set<Integer> ports = exposure.exposedToInternet(rule);
            if (ports.isEmpty()) {
                continue;
            }
            Cidr cidr = exposure.internetCidr(rule.source()).orElseThrow();
            offending.add(new IngressPermission(rule.ruleId(), rule.isAllTraffic() ? IngressPermission.ALL_TRAFFIC
                    : "tcp", rule.protocolStated(), rule.isAllTraffic() ? PortRange.ALL : rule.ports(),
                    rule.source(), cidr.ipv6()));
            exposedPorts.addAll(ports);
            directionKnown &= rule.egress() == Direction.INGRESS;
            ruleGroupId = ruleGroupId.isEmpty() ? rule.groupId() : ruleGroupId;
        }
        if (offending.isEmpty()) {
            return List.of();
        }
        return List.of(finding(event, offending, exposedPorts, notExpanded, directionKnown, ruleGroupId));
    }

    private Finding finding(CloudTrailEvent event, List<IngressPermission> offending, Set<Integer> ports,
                            Set<String> notExpanded, boolean directionKnown, String ruleGroupId) {
        String groupId = SecurityGroupRuleReader.groupId(event);
        String groupName = SecurityGroupRuleReader.groupName(event);
        if (groupId.isEmpty()) {
            groupId = ruleGroupId;
        }
        OpenSecurityGroupIngress details = new OpenSecurityGroupIngress(groupId, groupName, offending, directionKnown,
                exposure);
        boolean allPorts = offending.stream().anyMatch(p -> p.isAllTraffic() || p.ports().isAll());
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
        if (!directionKnown) {
            context.put("direction", "not stated by the event (ModifySecurityGroupRules does not say ingress or "
                    + "egress); the remediation asks EC2 before acting");
        }
        if (!notExpanded.isEmpty()) {
            context.put("prefixListsNotExpanded", String.join(", ", notExpanded));
        }
        if (event.principal().isAwsService()) {
            context.put("madeByAwsService", event.principal().invokedBy().isEmpty()
                    ? event.principal().type() : event.principal().invokedBy());
        }
        Severity severity = severity(directionKnown, allPorts);
        String title = portNames(ports, allPorts) + " open to the internet on " + group
                + (directionKnown ? "" : ", if the modified rule is ingress");
        return new Finding(info(), severity, title, event, resources, context, details);
    }

    /**
     * CRITICAL for all ports, HIGH for some, when the event says the rule is ingress. A rule of unknown direction is
     * never CRITICAL: all traffic from the internet is exactly the shape of the default egress rule, which tools such
     * as Terraform rewrite on every egress edit, so it is MEDIUM; an unknown-direction rule on admin ports only stays
     * HIGH, since egress rules to SSH or RDP alone are rare.
     */
    private static Severity severity(boolean directionKnown, boolean allPorts) {
        if (directionKnown) {
            return allPorts ? Severity.CRITICAL : Severity.HIGH;
        }
        return allPorts ? Severity.MEDIUM : Severity.HIGH;
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
