package dev.watchpost.detect.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

class SubnetAutoPublicIpTest {
    private final SubnetAutoPublicIp detection = new SubnetAutoPublicIp();

    @Test
    void fires_whenMapPublicIpOnLaunchIsTurnedOn() {
        assertEquals(new Resource(Resource.SUBNET, "subnet-0a9b8c7d6e5f40312"), detection.evaluate(
                Fixtures.event("network/ModifySubnetAttribute.map-public-ip-on.json")).getFirst()
                .resources().getFirst());
    }

    @Test
    void readsABareStringFlag() throws Exception {
        JsonNode tree = Fixtures.tree("network/ModifySubnetAttribute.map-public-ip-off.json");
        ((ObjectNode) tree.at("/detail/requestParameters")).put("mapPublicIpOnLaunch", "true");
        assertEquals(1, detection.evaluate(CloudTrailEvent.of(tree)).size());
    }

    @Test
    void ignoresTurningItOff_aDryRunAndAFailedCall() {
        assertTrue(detection.evaluate(
                Fixtures.event("network/ModifySubnetAttribute.map-public-ip-off.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("network/ModifySubnetAttribute.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("network/ModifySubnetAttribute.failed.json")).isEmpty());
    }

    @Test
    void ignoresAnotherSubnetAttribute() throws Exception {
        JsonNode tree = Fixtures.tree("network/ModifySubnetAttribute.map-public-ip-on.json");
        ObjectNode request = (ObjectNode) tree.at("/detail/requestParameters");
        request.remove("mapPublicIpOnLaunch");
        request.putObject("assignIpv6AddressOnCreation").put("value", true);
        assertTrue(detection.evaluate(CloudTrailEvent.of(tree)).isEmpty());
    }
}
