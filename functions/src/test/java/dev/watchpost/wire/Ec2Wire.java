package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.util.Map;

/**
 * EC2's query-protocol answers, as the service writes them (HTTP status, XML body); successes come from {@link
 * CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class Ec2Wire {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

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

    /** DescribeSecurityGroupRules answering with one rule whose source is a managed prefix list. */
    public static Reply prefixListRule(String ruleId, String groupId, String protocol, int from, int to,
                                       String prefixListId) {
        return Reply.xml(200, "<DescribeSecurityGroupRulesResponse " + NS + "><requestId>8f7f3c3e-0000-4000-8000-"
                + "000000000007</requestId><securityGroupRuleSet><item><securityGroupRuleId>" + ruleId
                + "</securityGroupRuleId><groupId>" + groupId + "</groupId><groupOwnerId>123456789012</groupOwnerId>"
                + "<isEgress>false</isEgress><ipProtocol>" + protocol + "</ipProtocol><fromPort>" + from
                + "</fromPort><toPort>" + to + "</toPort><prefixListId>" + prefixListId + "</prefixListId>"
                + "<tagSet/></item></securityGroupRuleSet></DescribeSecurityGroupRulesResponse>");
    }

    /** One page of GetManagedPrefixListEntries; {@code nextToken} null on the last page. */
    public static Reply prefixListEntries(String nextToken, String... cidrs) {
        StringBuilder items = new StringBuilder();
        for (String cidr : cidrs) {
            items.append("<item><cidr>").append(cidr).append("</cidr><description>entry</description></item>");
        }
        return Reply.xml(200, "<GetManagedPrefixListEntriesResponse " + NS + "><requestId>8f7f3c3e-0000-4000-8000-"
                + "000000000008</requestId><entrySet>" + items + "</entrySet>"
                + (nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</GetManagedPrefixListEntriesResponse>");
    }

    /** RevokeSecurityGroupIngress answering that it revoked this prefix-list rule. */
    public static Reply revokedPrefixListRule(String ruleId, String groupId, int port, String prefixListId) {
        return Reply.xml(200, "<RevokeSecurityGroupIngressResponse " + NS + "><requestId>8f7f3c3e-0000-4000-8000-"
                + "000000000009</requestId><return>true</return><revokedSecurityGroupRuleSet><item>"
                + "<securityGroupRuleId>" + ruleId + "</securityGroupRuleId><groupId>" + groupId + "</groupId>"
                + "<isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>"
                + port + "</toPort><prefixListId>" + prefixListId + "</prefixListId></item>"
                + "</revokedSecurityGroupRuleSet></RevokeSecurityGroupIngressResponse>");
    }

    /** RevokeSecurityGroupIngress answering {@code return} true while listing the prefix-list rule as unknown. */
    public static Reply revokeUnknownPrefixList(int port, String prefixListId) {
        return Reply.xml(200, "<RevokeSecurityGroupIngressResponse " + NS + "><requestId>8f7f3c3e-0000-4000-8000-"
                + "000000000010</requestId><return>true</return><unknownIpPermissionSet><item><ipProtocol>tcp"
                + "</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port + "</toPort><prefixListIds><item>"
                + "<prefixListId>" + prefixListId + "</prefixListId></item></prefixListIds></item>"
                + "</unknownIpPermissionSet></RevokeSecurityGroupIngressResponse>");
    }
}
