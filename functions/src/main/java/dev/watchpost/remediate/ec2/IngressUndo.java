package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.RuleChange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The AWS CLI command that puts revoked ingress permissions back, every value shell-quoted and every CIDR in the form
 * EC2 stores, so it can be pasted as is. Stateless.
 */
final class IngressUndo {
    private IngressUndo() {}

    /** The AWS CLI command that puts the revoked permissions back. */
    static String command(String region, OpenSecurityGroupIngress open, List<IngressPermission> revoked) {
        String permissions = revoked.stream().map(IngressUndo::cliPermission)
                .distinct().collect(Collectors.joining(" "));
        return authorize(region, open.groupId(), open.groupName(), permissions);
    }

    /** The command that puts revoked prefix-list rules back: same protocol, ports and list. */
    static String prefixListCommand(String region, String groupId, String groupName, List<RuleChange> revoked) {
        String permissions = revoked.stream().map(IngressUndo::cliPrefixListPermission)
                .distinct().collect(Collectors.joining(" "));
        return authorize(region, groupId, groupName, permissions);
    }

    private static String authorize(String region, String groupId, String groupName, String permissions) {
        String target = groupId.isEmpty() ? "--group-name " + ShellQuote.quote(groupName)
                : "--group-id " + ShellQuote.quote(groupId);
        return "aws ec2 authorize-security-group-ingress --region " + ShellQuote.quote(region)
                + " " + target + " --ip-permissions " + permissions;
    }

    private static String cliPrefixListPermission(RuleChange rule) {
        StringBuilder text = new StringBuilder("IpProtocol=").append(rule.isAllTraffic() ? "-1" : rule.protocol());
        if (!rule.isAllTraffic()) {
            text.append(",FromPort=").append(rule.ports().from()).append(",ToPort=").append(rule.ports().to());
        }
        text.append(",PrefixListIds=[{PrefixListId=").append(rule.source()).append("}]");
        return ShellQuote.quote(text.toString());
    }

    private static String cliPermission(IngressPermission permission) {
        StringBuilder text = new StringBuilder("IpProtocol=").append(permission.protocol());
        if (!permission.isAllTraffic()) {
            text.append(",FromPort=").append(permission.ports().from())
                    .append(",ToPort=").append(permission.ports().to());
        }
        text.append(permission.ipv6() ? ",Ipv6Ranges=[{CidrIpv6=" : ",IpRanges=[{CidrIp=")
                .append(RevokeSecurityGroupRules.canonical(permission.cidr())).append("}]");
        return ShellQuote.quote(text.toString());
    }
}
