package dev.watchpost.detect.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityGroupAdminPortFromPrefixListTest {
    private final SecurityGroupAdminPortFromPrefixList detection =
            new SecurityGroupAdminPortFromPrefixList(DetectionParameters.defaults());

    private List<Finding> evaluate(String fixture) {
        return detection.evaluate(Fixtures.event("network/" + fixture + ".json"));
    }

    @Test
    void fires_whenSshIsOpenedToAPrefixList_sayingItsEntriesAreUnknown() {
        Finding finding = evaluate("AuthorizeSecurityGroupIngress.prefix-list").getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("Port 22 on sg-ed9e3e95b541b4af5 open to prefix list pl-ce620328ac5657d9c (its entries are not "
                + "in the event)", finding.title());
        assertTrue(finding.resources().contains(new Resource(Resource.PREFIX_LIST, "pl-ce620328ac5657d9c")));
    }

    @Test
    void ignoresAPrefixListOnHttps_andCidrRules() {
        assertTrue(evaluate("AuthorizeSecurityGroupIngress.prefix-list-https").isEmpty());
        assertTrue(evaluate("AuthorizeSecurityGroupIngress.ipv4-world-ssh").isEmpty());
    }

    @Test
    void fires_whenAModifiedRuleMovesSshToAPrefixList() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.parse("""
                {"eventName":"ModifySecurityGroupRules","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-0123456789abcdef0",
                  "SecurityGroupRule":{"SecurityGroupRuleId":"sgr-0123456789abcdef0","tag":1,
                   "SecurityGroupRule":{"IpProtocol":"tcp","FromPort":3389,"ToPort":3389,
                    "PrefixListId":"pl-0123456789abcdef0"}}}},
                 "responseElements":{"ModifySecurityGroupRulesResponse":{"return":true}}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals("3389", detection.evaluate(event).getFirst().context().get("exposedPorts"));
    }

    @Test
    void carriesTheReferencingRule_forTheRemediation() {
        Finding finding = evaluate("AuthorizeSecurityGroupIngress.prefix-list").getFirst();

        PrefixListIngress details = assertInstanceOf(PrefixListIngress.class, finding.details());
        assertEquals("sg-ed9e3e95b541b4af5", details.groupId());
        assertEquals(List.of("sgr-db8559c0ac5c41cfd"), details.ruleIds());
        assertEquals(List.of("pl-ce620328ac5657d9c"), details.prefixListIds());
        RuleChange rule = details.rules().getFirst();
        assertEquals(RuleChange.Direction.INGRESS, rule.egress());
        assertEquals("tcp 22 from pl-ce620328ac5657d9c", rule.display());
        assertTrue(finding.context().get("remediation").startsWith("revoke the referencing rules only if"),
                finding.context().toString());
    }
}
