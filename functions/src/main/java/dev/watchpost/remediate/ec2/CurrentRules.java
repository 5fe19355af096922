package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.RuleChange;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Reads security-group rules as EC2 holds them now ({@code DescribeSecurityGroupRules}) and turns them into the same
 * {@link RuleChange} an event yields, so the revoke re-checks them with the detection's own predicate. Stateless.
 */
final class CurrentRules {
    private CurrentRules() {}

    /** The rules with these ids that still exist, by id; an id EC2 does not know is simply absent. */
    static Map<String, SecurityGroupRule> byIds(Ec2Client ec2, List<String> ids) {
        Map<String, SecurityGroupRule> found = new LinkedHashMap<>();
        try {
            ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ids)).securityGroupRules()
                    .forEach(rule -> found.put(rule.securityGroupRuleId(), rule));
            return found;
        } catch (Ec2Exception e) {
            if (!isUnknownRule(e)) {
                throw e;
            }
            if (ids.size() == 1) {
                return found;
            }
        }
        // One unknown id fails the whole call: ask for each id alone.
        for (String id : ids) {
            found.putAll(byIds(ec2, List.of(id)));
        }
        return found;
    }

    /** Every rule of the group, all pages. */
    static List<SecurityGroupRule> ofGroup(Ec2Client ec2, String groupId) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeSecurityGroupRulesResponse response = ec2.describeSecurityGroupRules(
                    r -> r.filters(Filter.builder().name("group-id").values(groupId).build()).nextToken(page));
            rules.addAll(response.securityGroupRules());
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return rules;
    }

    /** The rule in the form the predicate reads; EC2 always states its direction. */
    static RuleChange of(SecurityGroupRule rule) {
        String protocol = rule.ipProtocol() == null ? "" : rule.ipProtocol().trim().toLowerCase(Locale.ROOT);
        boolean stated = !protocol.isEmpty();
        SourceKind kind = SourceKind.CIDR;
        String source = rule.cidrIpv4() != null ? rule.cidrIpv4() : rule.cidrIpv6();
        if (source == null && rule.prefixListId() != null) {
            kind = SourceKind.PREFIX_LIST;
            source = rule.prefixListId();
        } else if (source == null) {
            kind = SourceKind.SECURITY_GROUP;
            source = rule.referencedGroupInfo() == null || rule.referencedGroupInfo().groupId() == null ? ""
                    : rule.referencedGroupInfo().groupId();
        }
        Direction direction = rule.isEgress() == null ? Direction.UNKNOWN
                : rule.isEgress() ? Direction.EGRESS : Direction.INGRESS;
        return new RuleChange(nullToEmpty(rule.securityGroupRuleId()), nullToEmpty(rule.groupId()),
                stated ? protocol : "-1", stated, PortRange.of(rule.fromPort(), rule.toPort()), kind, source,
                direction);
    }

    /** A current CIDR rule that the predicate found open, as a permission to revoke or put back. */
    static IngressPermission permission(RuleChange rule) {
        Cidr cidr = Cidr.parse(rule.source()).orElseThrow();
        return new IngressPermission(rule.ruleId(), rule.isAllTraffic() ? IngressPermission.ALL_TRAFFIC : "tcp",
                true, rule.isAllTraffic() ? PortRange.ALL : rule.ports(), cidr.canonical(), cidr.ipv6());
    }

    private static boolean isUnknownRule(Ec2Exception e) {
        return Ec2Errors.code(e).startsWith("InvalidSecurityGroupRuleId.NotFound");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
