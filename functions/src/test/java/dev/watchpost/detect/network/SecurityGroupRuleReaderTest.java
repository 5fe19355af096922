package dev.watchpost.detect.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityGroupRuleReaderTest {
    private static RuleChange onlyRule(String fixture) {
        return only(Fixtures.event("network/" + fixture + ".json"));
    }

    private static RuleChange only(CloudTrailEvent event) {
        List<RuleChange> rules = SecurityGroupRuleReader.read(event);
        assertEquals(1, rules.size(), rules.toString());
        return rules.getFirst();
    }

    private static CloudTrailEvent inline(String json) throws Exception {
        return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAMissingProtocolAsAllTraffic_andMarksItUnstated() {
        RuleChange rule = onlyRule("AuthorizeSecurityGroupIngress.no-protocol-hand-made");

        assertEquals("-1", rule.protocol());
        assertTrue(rule.isAllTraffic(), "the worst case, so the alert errs towards severity");
        assertFalse(rule.protocolStated());
        assertEquals("0.0.0.0/0", rule.source());
        assertEquals("", rule.ruleId());
    }

    @Test
    void marksAWrittenProtocolAsStated() {
        RuleChange rule = onlyRule("AuthorizeSecurityGroupIngress.ipv4-world-ssh");

        assertEquals("tcp", rule.protocol());
        assertTrue(rule.protocolStated());
    }

    @Test
    void marksAWrittenAllTrafficProtocolAsStated() {
        RuleChange rule = onlyRule("AuthorizeSecurityGroupIngress.all-traffic");

        assertEquals("-1", rule.protocol());
        assertTrue(rule.protocolStated(), "-1 written in the event is a fact, not a guess");
    }

    @Test
    void marksABlankProtocolInTheFlatFormAsUnstated() throws Exception {
        RuleChange rule = only(inline("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0","ipProtocol":"  ","cidrIp":"0.0.0.0/0",
                  "fromPort":22,"toPort":22}}
                """));

        assertEquals("-1", rule.protocol());
        assertFalse(rule.protocolStated());
    }

    @Test
    void marksANonTextProtocolAsUnstated() throws Exception {
        RuleChange rule = only(inline("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0","ipPermissions":{"items":[
                  {"ipProtocol":{"name":"tcp"},"fromPort":22,"toPort":22,
                   "ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}}
                """));

        assertFalse(rule.protocolStated());
    }

    @Test
    void keepsTheRuleId_whenAResponseItemStatesNoProtocol() throws Exception {
        RuleChange rule = only(inline("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0"},
                 "responseElements":{"securityGroupRuleSet":{"items":[
                  {"securityGroupRuleId":"sgr-0000000000000000a","groupId":"sg-0123456789abcdef0","isEgress":false,
                   "fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0"}]}}}
                """));

        assertEquals("sgr-0000000000000000a", rule.ruleId());
        assertFalse(rule.protocolStated());
    }

    @Test
    void marksAMissingProtocolOfAModifiedRuleAsUnstated() throws Exception {
        RuleChange rule = only(inline("""
                {"eventName":"ModifySecurityGroupRules","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-0123456789abcdef0",
                  "SecurityGroupRule":{"SecurityGroupRuleId":"sgr-0000000000000000a",
                   "SecurityGroupRule":{"FromPort":22,"ToPort":22,"CidrIpv4":"0.0.0.0/0"}}}}}
                """));

        assertEquals("-1", rule.protocol());
        assertFalse(rule.protocolStated());
    }
}
