package dev.watchpost.detect.network;

import dev.watchpost.event.PortRange;

/**
 * One security-group rule an event adds or changes, normalised from whichever of CloudTrail's forms carried it.
 *
 * @param ruleId   the {@code sgr-} id, or ""
 * @param groupId  the {@code sg-} id, or ""
 * @param protocol lower-case protocol: {@code tcp}, {@code udp}, {@code icmp}, {@code -1}, or a number such as "6";
 *                 {@code -1} (all traffic, the worst case) when the event does not state one
 * @param protocolStated false when the event gave no protocol and {@code protocol} is that all-traffic assumption
 * @param ports    the port range
 * @param kind     what the source is
 * @param source   the CIDR, prefix-list id or referenced group id
 * @param egress   {@link Direction#UNKNOWN} when the event does not say
 */
record RuleChange(String ruleId, String groupId, String protocol, boolean protocolStated, PortRange ports,
                  SourceKind kind, String source, Direction egress) {

    enum SourceKind { CIDR, PREFIX_LIST, SECURITY_GROUP }

    enum Direction { INGRESS, EGRESS, UNKNOWN }

    /** TCP by name or number, or all traffic: the protocols an SSH or RDP client can use. */
    boolean carriesTcp() {
        return protocol.equals("tcp") || protocol.equals("6") || isAllTraffic();
    }

    boolean isAllTraffic() {
        return protocol.equals("-1") || protocol.equals("all");
    }
}
