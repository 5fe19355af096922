package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A Client VPN authorization rule lets every VPN user in, or lets them reach every network
 * ({@code AuthorizeClientVpnIngress} with {@code AuthorizeAllGroups} true and/or a target network as wide as the
 * internet, e.g. {@code 0.0.0.0/0}).
 *
 * <p>Why it matters: authorization rules are the Client VPN's only per-user control; "all groups" ignores the
 * identity provider's groups, and a /0 target lets connected users reach everything the endpoint routes to, SSH and
 * RDP included (External Remote Services). HIGH when both, MEDIUM when one. "As wide as the internet" uses the
 * configured internet prefix length, as for security groups.
 *
 * <p>Shapes: the API reference documents {@code ClientVpnEndpointId}, {@code TargetNetworkCidr},
 * {@code AccessGroupId} and {@code AuthorizeAllGroups}; CloudTrail's form is inferred, so the wrapped PascalCase
 * ({@code AuthorizeClientVpnIngressRequest}) and the flat camelCase forms are both read.
 *
 * <p>Known false positives: a small endpoint whose every user is an administrator.
 */
public final class ClientVpnIngressOpen extends SuccessfulCallDetection {
    public static final String ID = "network.client-vpn-ingress-open";

    private final DetectionParameters parameters;

    public ClientVpnIngressOpen(DetectionParameters parameters) {
        super(ID);
        this.parameters = parameters;
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.body(event.requestParameters(), "AuthorizeClientVpnIngressRequest");
        boolean allGroups = Json.bool(Ec2Request.field(request, "AuthorizeAllGroups")).orElse(false);
        String network = Ec2Request.text(request, "TargetNetworkCidr");
        boolean everywhere = Cidr.parse(network).map(parameters::isInternet).orElse(false);
        if (!allGroups && !everywhere) {
            return List.of();
        }
        String endpoint = Ec2Request.text(request, "ClientVpnEndpointId");
        String who = allGroups ? "all users" : "group " + Ec2Request.text(request, "AccessGroupId");
        return finding(event)
                .severity(allGroups && everywhere ? Severity.HIGH : Severity.MEDIUM)
                .title("Client VPN " + (endpoint.isEmpty() ? "" : endpoint + " ") + "lets " + who + " reach "
                        + (network.isEmpty() ? "a network" : network))
                .resource("AWS::EC2::ClientVpnEndpoint", endpoint)
                .context("clientVpnEndpoint", endpoint)
                .context("targetNetwork", network)
                .context("authorizeAllGroups", String.valueOf(allGroups))
                .context("accessGroup", Ec2Request.text(request, "AccessGroupId"))
                .buildList();
    }
}
