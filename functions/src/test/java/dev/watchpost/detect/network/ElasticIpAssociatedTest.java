package dev.watchpost.detect.network;

import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

class ElasticIpAssociatedTest {
    private final ElasticIpAssociated detection = new ElasticIpAssociated();

    @Test
    void firesLow_andNamesInstanceAllocationAndAssociation() {
        Finding finding = only(detection, "network/AssociateAddress.eip-to-instance.json");
        assertEquals(Severity.LOW, finding.severity());
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"), finding.resources().getFirst());
        assertEquals("eipalloc-0f1e2d3c4b5a69788", finding.context().get("allocationId"));
        assertEquals("eipassoc-0a1b2c3d4e5f67890", finding.context().get("associationId"));
    }

    @Test
    void namesTheNetworkInterface_whenTheAddressGoesToOne() {
        CloudTrailEvent event = replacing("network/AssociateAddress.eip-to-instance.json", "/detail/requestParameters",
                "instanceId", request -> request.put("networkInterfaceId", "eni-0b1c2d3e4f5a6b7c8"));
        Finding finding = only(detection, event);
        assertEquals("AWS::EC2::NetworkInterface", finding.resources().getFirst().type());
        assertTrue(finding.title().endsWith("eni-0b1c2d3e4f5a6b7c8"), finding.title());
    }
}
