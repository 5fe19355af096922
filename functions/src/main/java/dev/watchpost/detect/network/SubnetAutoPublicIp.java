package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.NamedResourceDetection;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;

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
public final class SubnetAutoPublicIp extends NamedResourceDetection {
    public static final String ID = "network.subnet-auto-public-ip";

    public SubnetAutoPublicIp() {
        super(ID, NamedResource.requestParameter(Resource.SUBNET, "subnetId", "subnet"),
                "Subnet {} now assigns public IPs on launch");
    }

    @Override
    protected boolean applies(CloudTrailEvent event) {
        JsonNode flag = Json.path(event.requestParameters(), "mapPublicIpOnLaunch");
        JsonNode value = flag.isObject() ? Json.anyOf(flag, "value", "Value") : flag;
        return Json.bool(value).orElse(false);
    }
}
