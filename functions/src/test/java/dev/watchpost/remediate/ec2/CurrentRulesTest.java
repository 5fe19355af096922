package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.network.AdminPortExposure;
import dev.watchpost.detect.network.RuleChange.Direction;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

class CurrentRulesTest {
    private final AdminPortExposure exposure = new AdminPortExposure(DetectionParameters.defaults());

    private static SecurityGroupRule rule(boolean egress, String protocol, int from, int to, String cidr) {
        return SecurityGroupRule.builder().securityGroupRuleId("sgr-0123456789abcdef0").groupId("sg-0123456789abcdef0")
                .isEgress(egress).ipProtocol(protocol).fromPort(from).toPort(to).cidrIpv4(cidr).build();
    }

    @Test
    void anIngressSshRuleFromTheInternet_isOpenByTheDetectionsPredicate() {
        assertTrue(exposure.confirmedOpen(CurrentRules.of(rule(false, "tcp", 22, 22, "0.0.0.0/0"))));
    }

    @Test
    void allTrafficWithPortsMinusOne_reachesEveryAdminPort() {
        assertEquals(Set.of(22, 3389), exposure.exposedToInternet(CurrentRules.of(rule(false, "-1", -1, -1,
                "0.0.0.0/0"))));
    }

    @Test
    void theDefaultEgressRule_isNotOpen() {
        var egress = CurrentRules.of(rule(true, "-1", -1, -1, "0.0.0.0/0"));
        assertEquals(Direction.EGRESS, egress.egress());
        assertFalse(exposure.confirmedOpen(egress));
    }

    @Test
    void aRuleNarrowedToASlash32OrMovedTo443_isNotOpen() {
        assertFalse(exposure.confirmedOpen(CurrentRules.of(rule(false, "tcp", 22, 22, "203.0.113.7/32"))));
        assertFalse(exposure.confirmedOpen(CurrentRules.of(rule(false, "tcp", 443, 443, "0.0.0.0/0"))));
    }
}
