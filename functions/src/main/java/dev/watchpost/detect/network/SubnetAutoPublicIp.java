package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * A subnet now gives every new instance a public IPv4 address ({@code ModifySubnetAttribute} with
 * {@code mapPublicIpOnLaunch} true).
 *
 * <p>Why it matters: every instance launched into the subnet afterwards is reachable from the internet wherever its
 * security groups allow, without anyone asking for a public address (AWS Security Hub control EC2.15; T1133). MEDIUM.
 * The request carries {@code mapPublicIpOnLaunch} as {@code {"value": true}}; a bare boolean or string is read too.
 * Turning it off, and the other subnet attributes, do not fire.
 *
 * <p>Known false positives: public subnets for load balancers or NAT instances, set up on purpose.
 *
 * <p>Triage: is this a public subnet by design (route to an internet gateway)? Which instances launch there? If not
 * intended: {@code aws ec2 modify-subnet-attribute --subnet-id ID --no-map-public-ip-on-launch}. No automatic
 * remediation: turning it off breaks launches that rely on it, and leaves running instances' addresses as they are.
 */
public final class SubnetAutoPublicIp implements Detection {
    public static final String ID = "network.subnet-auto-public-ip";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.NETWORK,
            "Subnet assigns public IPs on launch", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"), Set.of("ModifySubnetAttribute"),
            List.of("Check whether the subnet is meant to be public (route table, purpose).",
                    "If not: aws ec2 modify-subnet-attribute --subnet-id ID --no-map-public-ip-on-launch."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode flag = Json.path(event.requestParameters(), "mapPublicIpOnLaunch");
        JsonNode value = flag.isObject() ? Json.anyOf(flag, "value", "Value") : flag;
        if (!Json.bool(value).orElse(false)) {
            return List.of();
        }
        String subnet = Json.text(event.requestParameters(), "subnetId");
        return FindingBuilder.of(INFO, event)
                .title("Subnet " + (subnet.isEmpty() ? "" : subnet + " ") + "now assigns public IPs on launch")
                .resource(Resource.SUBNET, subnet)
                .context("subnet", subnet)
                .buildList();
    }
}
