package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceSecurityGroupsChangedTest {
    private final InstanceSecurityGroupsChanged detection = new InstanceSecurityGroupsChanged();

    @Test
    void firesLow_namingEveryGroup_andSayingTheEventCannotTellIfOneIsOpen() {
        Finding finding = only(detection, "hardening/ModifyInstanceAttribute.group-set.json");
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("sg-0a1b2c3d4e5f60789, sg-0123456789abcdef0", finding.context().get("securityGroups"));
        assertEquals(2, finding.resources().stream().filter(r -> r.type().equals(Resource.SECURITY_GROUP)).count());
        assertTrue(finding.context().get("note").contains("does not show"));
    }

    @Test
    void readsANetworkInterfaceChange() {
        Finding finding = only(detection, "hardening/ModifyNetworkInterfaceAttribute.group-set.json");
        assertEquals("eni-0b1c2d3e4f5a6b7c8", finding.context().get("networkInterfaceId"));
    }

    @Test
    void readsTheAttributeValueForm() {
        CloudTrailEvent event = replacing("hardening/ModifyInstanceAttribute.instance-type.json",
                "/detail/requestParameters", "instanceType", request -> {
                    request.put("attribute", "groupSet");
                    request.putArray("value").add("sg-0a1b2c3d4e5f60789");
                });
        assertEquals("sg-0a1b2c3d4e5f60789", only(detection, event).context().get("securityGroups"));
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"hardening/ModifyInstanceAttribute.user-data.json",
            "hardening/ModifyInstanceAttribute.instance-type.json",
            "hardening/ModifyNetworkInterfaceAttribute.source-dest-check.json"})
    void ignoresOtherAttributes(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }
}
