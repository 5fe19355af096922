package dev.watchpost.detect.network;

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
 * An Elastic IP address was attached to an instance or a network interface ({@code AssociateAddress}).
 *
 * <p>Why it matters: a private instance becomes reachable from the internet wherever its security groups already
 * allow, and groups written for "internal only" often allow more than anyone meant to expose (T1133). LOW: the event
 * cannot tell whether those groups are open; the admin-port rules that make it dangerous fire on their own. The
 * request names {@code instanceId} or {@code networkInterfaceId}, with {@code allocationId} (VPC) or {@code publicIp}
 * (EC2-Classic style); the response's {@code associationId} is reported.
 *
 * <p>Known false positives: web servers and NAT instances that need a fixed address.
 *
 * <p>Triage: which security groups does the instance have, and what do they allow from the internet? If unintended,
 * {@code aws ec2 disassociate-address --association-id ID}. No automatic remediation: a fixed address is often the
 * point of an Elastic IP.
 */
public final class ElasticIpAssociated implements Detection {
    public static final String ID = "network.elastic-ip-associated";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.NETWORK,
            "Elastic IP attached to an instance", Severity.LOW,
            Set.of("ec2.amazonaws.com"), Set.of("AssociateAddress"),
            List.of("List the instance's security groups and what they allow from the internet.",
                    "If unintended: aws ec2 disassociate-address --association-id ID."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        String instance = Json.text(event.requestParameters(), "instanceId");
        String eni = Json.text(event.requestParameters(), "networkInterfaceId");
        String address = Json.text(event.requestParameters(), "publicIp");
        String allocation = Json.text(event.requestParameters(), "allocationId");
        String label = address.isEmpty() ? allocation : address;
        String target = !instance.isEmpty() ? instance : !eni.isEmpty() ? eni : "an instance";
        return FindingBuilder.of(INFO, event)
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
