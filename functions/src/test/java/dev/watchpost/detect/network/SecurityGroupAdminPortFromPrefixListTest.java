package dev.watchpost.detect.network;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityGroupAdminPortFromPrefixListTest {
    private static final String PREFIX_LIST = "network/AuthorizeSecurityGroupIngress.prefix-list.json";
    private final SecurityGroupAdminPortFromPrefixList detection =
            new SecurityGroupAdminPortFromPrefixList(DetectionParameters.defaults());

    @Test
    void fires_whenSshIsOpenedToAPrefixList_sayingItsEntriesAreUnknown() {
        Finding finding = only(detection, PREFIX_LIST);
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("Port 22 on sg-ed9e3e95b541b4af5 open to prefix list pl-ce620328ac5657d9c (its entries are not "
                + "in the event)", finding.title());
        assertTrue(finding.resources().contains(new Resource(Resource.PREFIX_LIST, "pl-ce620328ac5657d9c")));
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"network/AuthorizeSecurityGroupIngress.prefix-list-https.json",
            "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"})
    void ignoresAPrefixListOnHttps_andCidrRules(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }

    @Test
    void fires_whenAModifiedRuleMovesSshToAPrefixList() {
        CloudTrailEvent event = replacing("network/ModifySecurityGroupRules.world-ssh.json",
                "/detail/requestParameters/ModifySecurityGroupRulesRequest/SecurityGroupRule/SecurityGroupRule",
                "CidrIpv4",
                rule -> rule.put("FromPort", 3389).put("ToPort", 3389).put("PrefixListId", "pl-0123456789abcdef0"));
        assertEquals("3389", only(detection, event).context().get("exposedPorts"));
    }

    @Test
    void carriesTheReferencingRule_forTheRemediation() {
        Finding finding = only(detection, PREFIX_LIST);

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
