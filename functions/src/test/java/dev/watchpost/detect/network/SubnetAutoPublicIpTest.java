package dev.watchpost.detect.network;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

class SubnetAutoPublicIpTest {
    private final SubnetAutoPublicIp detection = new SubnetAutoPublicIp();

    @Test
    void fires_whenMapPublicIpOnLaunchIsTurnedOn() {
        assertEquals(new Resource(Resource.SUBNET, "subnet-0a9b8c7d6e5f40312"),
                only(detection, "network/ModifySubnetAttribute.map-public-ip-on.json").resources().getFirst());
    }

    @Test
    void readsABareStringFlag() {
        CloudTrailEvent event = Fixtures.edited("network/ModifySubnetAttribute.map-public-ip-off.json",
                "/detail/requestParameters",
                node -> node.put("mapPublicIpOnLaunch", "true"));
        assertEquals(1, detection.evaluate(event).size());
    }

    @Test
    void ignoresTurningItOff() {
        assertTrue(findings(detection, "network/ModifySubnetAttribute.map-public-ip-off.json").isEmpty());
    }

    @Test
    void ignoresAnotherSubnetAttribute() {
        CloudTrailEvent event = replacing("network/ModifySubnetAttribute.map-public-ip-on.json",
                "/detail/requestParameters", "mapPublicIpOnLaunch",
                request -> request.putObject("assignIpv6AddressOnCreation").put("value", true));
        assertTrue(detection.evaluate(event).isEmpty());
    }
}
