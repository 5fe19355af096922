package dev.watchpost.detect.access;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A tunnel was opened through an EC2 Instance Connect Endpoint.
 *
 * <p>Why it matters: it is a network path to a private instance that needs no public IP or bastion. LOW: it
 * records access; HIGH when trusted CIDRs are configured and the caller's source IP is outside them. {@code OpenTunnel} carries no instance id: the finding names the endpoint, the private IP (map it
 * to an instance with {@code describe-network-interfaces}) and the remote port, which CloudTrail records as a string.
 */
public final class InstanceConnectTunnelOpened extends SuccessfulCallDetection {
    public static final String ID = "access.instance-connect-tunnel-opened";

    private final SourceTrust trust;

    public InstanceConnectTunnelOpened(DetectionParameters parameters) {
        super(ID);
        this.trust = new SourceTrust(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String endpoint = Json.text(event.requestParameters(), "instanceConnectEndpointId");
        String privateIp = Json.text(event.requestParameters(), "privateIpAddress");
        String port = Json.text(event.requestParameters(), "remotePort");
        return finding(event)
                .severity(trust.severity(event, Severity.LOW))
                .title("Tunnel opened to " + (privateIp.isEmpty() ? "a private IP" : privateIp)
                        + (port.isEmpty() ? "" : ":" + port) + " through " + (endpoint.isEmpty() ? "an endpoint" : endpoint))
                .resource(Resource.INSTANCE_CONNECT_ENDPOINT, endpoint)
                .context("endpoint", endpoint)
                .context("privateIp", privateIp)
                .context("remotePort", port)
                .context("maxTunnelDuration", Json.text(event.requestParameters(), "maxTunnelDuration"))
                .context("raisedBecause", trust.reason(event))
                .buildList();
    }
}
