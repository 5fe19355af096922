package dev.watchpost.detect.network;

import static dev.watchpost.detect.DetectionFixtures.inline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityGroupRuleReaderTest {
    private static RuleChange onlyRule(String fixture) {
        return only(Fixtures.event("network/" + fixture + ".json"));
    }

    private static RuleChange only(CloudTrailEvent event) {
        List<RuleChange> rules = SecurityGroupRuleReader.read(event);
        assertEquals(1, rules.size(), rules.toString());
        return rules.getFirst();
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

    static Stream<Arguments> unstatedProtocols() {
        return Stream.of(
                Arguments.of("a blank protocol in the flat form", """
                        {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com",
                         "requestParameters":{"groupId":"sg-0123456789abcdef0","ipProtocol":"  ","cidrIp":"0.0.0.0/0",
                          "fromPort":22,"toPort":22}}
                        """),
                Arguments.of("a protocol that is not text", """
                        {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com",
                         "requestParameters":{"groupId":"sg-0123456789abcdef0","ipPermissions":{"items":[
                          {"ipProtocol":{"name":"tcp"},"fromPort":22,"toPort":22,
                           "ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}}
                        """),
                Arguments.of("a modified rule without a protocol", """
                        {"eventName":"ModifySecurityGroupRules","eventSource":"ec2.amazonaws.com",
                         "requestParameters":{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-0123456789abcdef0",
                          "SecurityGroupRule":{"SecurityGroupRuleId":"sgr-0000000000000000a",
                           "SecurityGroupRule":{"FromPort":22,"ToPort":22,"CidrIpv4":"0.0.0.0/0"}}}}}
                        """));
    }

    @ParameterizedTest(name = "reads {0} as all traffic, marked unstated")
    @MethodSource("unstatedProtocols")
    void readsAnUnstatedProtocolAsAllTraffic_andMarksItUnstated(String behaviour, String json) {
        RuleChange rule = only(inline(json));

        assertEquals("-1", rule.protocol());
        assertFalse(rule.protocolStated());
    }

    @Test
    void keepsTheRuleId_whenAResponseItemStatesNoProtocol() {
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
}
