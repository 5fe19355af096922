package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
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
        String target = open.groupId().isEmpty() ? "--group-name " + ShellQuote.quote(open.groupName())
                : "--group-id " + ShellQuote.quote(open.groupId());
        String permissions = revoked.stream().map(IngressUndo::cliPermission)
                .distinct().collect(Collectors.joining(" "));
        return "aws ec2 authorize-security-group-ingress --region " + ShellQuote.quote(region)
                + " " + target + " --ip-permissions " + permissions;
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
