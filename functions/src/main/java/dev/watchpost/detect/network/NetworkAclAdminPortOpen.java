package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import dev.watchpost.event.PortRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A network ACL entry now allows the internet in to an admin port.
 *
 * <p>Why it matters: NACLs are the subnet-level gate; an allow entry from any /0 to SSH or RDP removes one of the two
 * layers that keep those ports private. Fires on successful {@code CreateNetworkAclEntry} and
 * {@code ReplaceNetworkAclEntry} for an ingress ({@code egress} false, JSON boolean or the string "false") allow entry
 * whose protocol is all traffic ({@code -1}) or TCP ({@code 6}) with a {@code portRange} containing an admin port,
 * from any /0 in {@code cidrBlock} or {@code ipv6CidrBlock}. Deny entries, egress, UDP and narrower CIDRs do not fire.
 *
 * <p>Return traffic: NACLs are stateless, so a subnet that makes outbound connections needs an inbound allow entry for
 * the ephemeral ports its clients' replies come back to; AWS's own guidance is TCP 1024-65535 from 0.0.0.0/0. Such a
 * range happens to cover RDP (3389), but it is the standard return-traffic entry, not an opening, and deleting it
 * breaks every outbound connection of the subnet. So a TCP allow entry whose range runs from 1024 or above up to
 * 65535 (1024-65535, 32768-65535, 49152-65535, …) does not fire: the security groups are the layer that keeps those
 * ports closed. Ranges that include a port below 1024, or that stop short of 65535 around an admin port, still fire.
 *
 * <p>Known false positives: public subnets whose NACLs are deliberately open and rely on security groups.
 */
public final class NetworkAclAdminPortOpen extends SuccessfulCallDetection {
    public static final String ID = "network.nacl-admin-port-open";
    /** The lowest port of any client ephemeral range: ranges from here up to 65535 are return traffic. */
    static final int EPHEMERAL_FLOOR = 1024;

    private final DetectionParameters parameters;

    public NetworkAclAdminPortOpen(DetectionParameters parameters) {
        super(ID);
        this.parameters = parameters;
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        boolean egress = Json.bool(request.path("egress")).orElse(false);
        if (egress || !Json.text(request, "ruleAction").equalsIgnoreCase("allow")) {
            return List.of();
        }
        String protocol = Json.text(request, "aclProtocol").trim().toLowerCase(Locale.ROOT);
        boolean allTraffic = protocol.equals("-1") || protocol.equals("all");
        if (!allTraffic && !protocol.equals("6") && !protocol.equals("tcp")) {
            return List.of();
        }
        PortRange ports = allTraffic ? PortRange.ALL
                : PortRange.of(Json.path(request, "portRange", "from"), Json.path(request, "portRange", "to"));
        if (!allTraffic && isReturnTrafficRange(ports)) {
            return List.of();
        }
        Set<Integer> exposed = parameters.adminPorts().stream().filter(ports::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        String cidrText = Json.text(request, "cidrBlock").isEmpty() ? Json.text(request, "ipv6CidrBlock")
                : Json.text(request, "cidrBlock");
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (exposed.isEmpty() || cidr.isEmpty() || !parameters.isInternet(cidr.get())) {
            return List.of();
        }
        String aclId = Json.text(request, "networkAclId");
        String ruleNumber = Json.text(request, "ruleNumber");
        String entry = "allow " + (allTraffic ? "all traffic" : "tcp " + ports.display()) + " from " + cidrText;
        return finding(event)
                .title("Network ACL " + aclId + " allows " + (allTraffic ? "all traffic" : "port "
                        + exposed.stream().map(String::valueOf).collect(Collectors.joining(", "))) + " from the internet")
                .resource(Resource.NETWORK_ACL, aclId)
                .context("networkAcl", aclId)
                .context("ruleNumber", ruleNumber)
                .context("entry", entry)
                .context("exposedPorts", exposed.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .context("fixCommand", "aws ec2 delete-network-acl-entry --region " + ShellQuote.quote(event.region())
                        + " --network-acl-id " + ShellQuote.quote(aclId) + " --rule-number "
                        + ShellQuote.quote(ruleNumber) + " --ingress")
                .buildList();
    }

    /** A range from the ephemeral floor or above up to the last port: the stateless return-traffic entry. */
    static boolean isReturnTrafficRange(PortRange ports) {
        return ports.from() >= EPHEMERAL_FLOOR && ports.to() == PortRange.MAX_PORT;
    }
}
