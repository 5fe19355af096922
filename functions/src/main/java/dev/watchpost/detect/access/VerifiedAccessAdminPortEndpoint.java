package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import dev.watchpost.event.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Verified Access endpoint was created or changed to forward TCP on an admin port (SSH, RDP: the configured
 * {@link DetectionParameters#adminPorts()}).
 *
 * <p>Why it matters: a TCP endpoint of Verified Access is a path from the internet to an instance's SSH or RDP port
 * that no security group rule shows; what stands in front is only the trust provider and the Verified Access policy
 * (External Remote Services). MEDIUM: access still needs the trust provider's identity and the policy.
 *
 * <p>Shapes: the API reference documents {@code NetworkInterfaceOptions}, {@code LoadBalancerOptions},
 * {@code CidrOptions} and {@code RdsOptions}, each with {@code Protocol} ({@code http|https|tcp}), {@code Port} and
 * {@code PortRanges} of {@code FromPort}/{@code ToPort}. How CloudTrail records them is inferred (no public sample):
 * the wrapped PascalCase form ({@code CreateVerifiedAccessEndpointRequest}, port ranges as {@code PortRange} items)
 * and a flat camelCase form are both read, and the response's {@code verifiedAccessEndpoint} options
 * ({@code portRangeSet}) too. A modification that names ports but no protocol is read as TCP: the event alone cannot
 * say, and an admin port is worth a look either way.
 *
 * <p>Known false positives: a deliberate zero-trust SSH/RDP path that replaces a bastion.
 */
public final class VerifiedAccessAdminPortEndpoint extends SuccessfulCallDetection {
    public static final String ID = "access.verified-access-admin-port-endpoint";

    private static final List<String> OPTIONS = List.of("NetworkInterfaceOptions", "LoadBalancerOptions",
            "CidrOptions", "RdsOptions");

    private final DetectionParameters parameters;

    public VerifiedAccessAdminPortEndpoint(DetectionParameters parameters) {
        super(ID);
        this.parameters = parameters;
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        JsonNode endpoint = Ec2Request.field(Ec2Request.response(event),
                "VerifiedAccessEndpoint");
        Set<Integer> exposed = new TreeSet<>();
        String protocol = "";
        for (String name : OPTIONS) {
            JsonNode requested = Ec2Request.field(request, name);
            JsonNode recorded = Ec2Request.field(endpoint, name);
            String optionProtocol = Ec2Request.firstText("Protocol", requested, recorded);
            if (!optionProtocol.isEmpty() && !optionProtocol.toLowerCase(Locale.ROOT).equals("tcp")) {
                continue;
            }
            List<PortRange> ranges = new ArrayList<>(ports(requested));
            ranges.addAll(ports(recorded));
            for (int port : parameters.adminPorts()) {
                if (ranges.stream().anyMatch(range -> range.from() <= port && port <= range.to())) {
                    exposed.add(port);
                    protocol = optionProtocol;
                }
            }
        }
        if (exposed.isEmpty()) {
            return List.of();
        }
        String endpointId = Ec2Request.firstText("VerifiedAccessEndpointId", endpoint, request);
        String ports = String.join(", ", exposed.stream().map(String::valueOf).toList());
        return finding(event)
                .title("Verified Access endpoint " + (endpointId.isEmpty() ? "" : endpointId + " ")
                        + "forwards TCP " + ports)
                .resource("AWS::EC2::VerifiedAccessEndpoint", endpointId)
                .context("endpoint", endpointId)
                .context("group", Ec2Request.firstText("VerifiedAccessGroupId", request, endpoint))
                .context("endpointType", Ec2Request.firstText("EndpointType", request, endpoint))
                .context("adminPorts", ports)
                .context("protocol", protocol.isEmpty() ? "not in the event (read as tcp)" : protocol)
                .buildList();
    }

    /** Ports an options node names: {@code Port} and every {@code PortRange(s)}/{@code portRangeSet} item. */
    private static List<PortRange> ports(JsonNode options) {
        List<PortRange> out = new ArrayList<>();
        JsonNode single = Ec2Request.field(options, "Port");
        if (Json.integer(single).isPresent()) {
            out.add(PortRange.of(single, single));
        }
        for (String list : List.of("PortRange", "PortRanges", "PortRangeSet")) {
            for (JsonNode item : Json.items(Ec2Request.field(options, list))) {
                JsonNode from = Ec2Request.field(item, "FromPort");
                JsonNode to = Ec2Request.field(item, "ToPort");
                if (Json.integer(from).isPresent() || Json.integer(to).isPresent()) {
                    out.add(PortRange.of(from, to));
                }
            }
        }
        return out;
    }
}
