package dev.watchpost.detect.network;

import dev.watchpost.event.PortRange;

/**
 * One ingress permission that opens an admin port to the internet, as far as the event tells.
 *
 * @param ruleId     the {@code sgr-} id when the event carries it, otherwise ""
 * @param protocol   the protocol as EC2 expects it back in a revoke: {@code tcp} or {@code -1}
 * @param protocolStated false when the event gave no protocol and {@code protocol} is the all-traffic assumption
 *                   made for the alert: such a permission cannot be revoked by its shape, since EC2 matches exactly
 * @param ports      the port range ({@link PortRange#ALL} for all traffic)
 * @param cidr       the source CIDR as written in the event ({@code 0.0.0.0/0}, {@code ::/0}, …)
 * @param ipv6       whether {@code cidr} is an IPv6 block
 */
public record IngressPermission(String ruleId, String protocol, boolean protocolStated, PortRange ports, String cidr,
                                boolean ipv6) {
    public static final String ALL_TRAFFIC = "-1";

    public boolean isAllTraffic() {
        return protocol.equals(ALL_TRAFFIC);
    }

    /** "tcp 22 from 0.0.0.0/0" or "all traffic from ::/0". */
    public String display() {
        String what = isAllTraffic() ? "all traffic" : protocol + " " + ports.display();
        return what + " from " + cidr;
    }
}
