package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.util.Map;

/**
 * EC2's query-protocol answers, as the service writes them (HTTP status, XML body); successes come from {@link
 * CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class Ec2Wire {
    private Ec2Wire() {}

    public static Reply error(int status, String code, String message) {
        return Reply.xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error></Errors>"
                + "<RequestID>8f7f3c3e-0000-4000-8000-000000000001</RequestID></Response>");
    }

    public static Reply requestLimitExceeded() {
        return error(503, "RequestLimitExceeded", "Request limit exceeded.");
    }

    public static Reply unavailable() {
        return Reply.xml(503, "");
    }

    public static Reply unauthorized(String action) {
        return error(403, "UnauthorizedOperation", "You are not authorized to perform this operation. User: "
                + "arn:aws:sts::123456789012:assumed-role/watchpost-network-us-east-1/watchpost-network is not "
                + "authorized to perform: ec2:" + action + " because no identity-based policy allows it.");
    }

    /** The canned success of {@code action} (dev/watchpost/handler/canned/ec2/), as priming answers it. */
    public static Reply ok(String action) {
        return Reply.xml(200, CannedAnswers.body("ec2", action, Map.of()));
    }

    /** DescribeSecurityGroups answering with one group and, optionally, one tag. */
    public static Reply securityGroup(String groupId, String tagKey, String tagValue) {
        String tags = tagKey == null ? "<tagSet/>"
                : "<tagSet><item><key>" + tagKey + "</key><value>" + tagValue + "</value></item></tagSet>";
        return Reply.xml(200, CannedAnswers.body("ec2", "DescribeSecurityGroups", Map.of("groupId", groupId,
                "tags", tags)));
    }

    /** DescribeSecurityGroupRules answering with one rule as EC2 holds it (ports -1 for all traffic). */
    public static Reply securityGroupRule(String ruleId, String groupId, boolean egress, String protocol, int from,
                                          int to, String cidr) {
        String source = cidr.contains(":") ? "<cidrIpv6>" + cidr + "</cidrIpv6>" : "<cidrIpv4>" + cidr + "</cidrIpv4>";
        return Reply.xml(200, CannedAnswers.body("ec2", "DescribeSecurityGroupRules", Map.of("ruleId", ruleId,
                "groupId", groupId, "egress", String.valueOf(egress), "protocol", protocol,
                "from", String.valueOf(from), "to", String.valueOf(to), "source", source)));
    }

    /** DescribeSecurityGroupRules answering that the group has no rules (left). */
    public static Reply noSecurityGroupRules() {
        return Reply.xml(200, CannedAnswers.body("ec2", "DescribeSecurityGroupRules", Map.of())
                .replaceFirst("<securityGroupRuleSet>.*</securityGroupRuleSet>", "<securityGroupRuleSet/>"));
    }

    /**
     * RevokeSecurityGroupIngress answering {@code return} true while matching nothing: the permission sent comes back
     * under {@code unknownIpPermissionSet}, as a default VPC answers a revoke of a rule it does not hold.
     */
    public static Reply revokeMatchedNothing(String protocol, int from, int to, String cidr) {
        return Reply.xml(200, CannedAnswers.body("ec2", "RevokeSecurityGroupIngress", Map.of("unknownIpPermissionSet",
                "<unknownIpPermissionSet><item><ipProtocol>" + protocol + "</ipProtocol><fromPort>" + from
                        + "</fromPort><toPort>" + to + "</toPort><ipRanges><item><cidrIp>" + cidr
                        + "</cidrIp></item></ipRanges></item></unknownIpPermissionSet>")));
    }
}
