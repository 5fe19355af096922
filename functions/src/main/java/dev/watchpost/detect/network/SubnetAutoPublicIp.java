package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A subnet now gives every new instance a public IPv4 address ({@code ModifySubnetAttribute} with
 * {@code mapPublicIpOnLaunch} true).
 *
 * <p>Why it matters: every instance launched into the subnet afterwards is reachable from the internet wherever its
 * security groups allow, without anyone asking for a public address (AWS Security Hub control EC2.15). MEDIUM.
 * The request carries {@code mapPublicIpOnLaunch} as {@code {"value": true}}; a bare boolean or string is read too.
 * Turning it off, and the other subnet attributes, do not fire.
 *
 * <p>Known false positives: public subnets for load balancers or NAT instances, set up on purpose.
 */
public final class SubnetAutoPublicIp extends SuccessfulCallDetection {
    public static final String ID = "network.subnet-auto-public-ip";

    public SubnetAutoPublicIp() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode flag = Json.path(event.requestParameters(), "mapPublicIpOnLaunch");
        JsonNode value = flag.isObject() ? Json.anyOf(flag, "value", "Value") : flag;
        if (!Json.bool(value).orElse(false)) {
            return List.of();
        }
        String subnet = Json.text(event.requestParameters(), "subnetId");
        return finding(event)
                .title("Subnet " + (subnet.isEmpty() ? "" : subnet + " ") + "now assigns public IPs on launch")
                .resource(Resource.SUBNET, subnet)
                .context("subnet", subnet)
                .buildList();
    }
}
