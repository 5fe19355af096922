package dev.watchpost.detect.network;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An Elastic IP address was attached to an instance or a network interface ({@code AssociateAddress}).
 *
 * <p>Why it matters: a private instance becomes reachable from the internet wherever its security groups already
 * allow, and groups written for "internal only" often allow more than anyone meant to expose. LOW: the event
 * cannot tell whether those groups are open; the admin-port rules that make it dangerous fire on their own. The
 * request names {@code instanceId} or {@code networkInterfaceId}, with {@code allocationId} (VPC) or {@code publicIp}
 * (EC2-Classic style); the response's {@code associationId} is reported.
 *
 * <p>Known false positives: web servers and NAT instances that need a fixed address.
 */
public final class ElasticIpAssociated extends SuccessfulCallDetection {
    public static final String ID = "network.elastic-ip-associated";

    public ElasticIpAssociated() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String instance = Json.text(event.requestParameters(), "instanceId");
        String eni = Json.text(event.requestParameters(), "networkInterfaceId");
        String address = Json.text(event.requestParameters(), "publicIp");
        String allocation = Json.text(event.requestParameters(), "allocationId");
        String label = address.isEmpty() ? allocation : address;
        String target = !instance.isEmpty() ? instance : !eni.isEmpty() ? eni : "an instance";
        return finding(event)
                .title("Elastic IP " + (label.isEmpty() ? "" : label + " ") + "attached to " + target)
                .resource(Resource.INSTANCE, instance)
                .resource("AWS::EC2::NetworkInterface", eni)
                .resource("AWS::EC2::EIP", allocation.isEmpty() ? address : allocation)
                .context("instanceId", instance)
                .context("networkInterfaceId", eni)
                .context("allocationId", allocation)
                .context("publicIp", address)
                .context("associationId", Json.text(event.responseElements(), "associationId"))
                .buildList();
    }
}
