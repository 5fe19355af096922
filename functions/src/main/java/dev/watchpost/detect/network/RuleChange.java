package dev.watchpost.detect.network;

import dev.watchpost.event.PortRange;

/**
 * One security-group rule, normalised: as an event adds or changes it (from whichever of CloudTrail's forms carried
 * it), or as EC2 describes it now. Both feed {@link AdminPortExposure}, so an event and a re-check read rules alike.
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
public record RuleChange(String ruleId, String groupId, String protocol, boolean protocolStated, PortRange ports,
                         SourceKind kind, String source, Direction egress) {

    /** What a rule's source names. */
    public enum SourceKind { CIDR, PREFIX_LIST, SECURITY_GROUP }

    /** Which way a rule lets traffic through, when known. */
    public enum Direction { INGRESS, EGRESS, UNKNOWN }

    /** TCP by name or number, or all traffic: the protocols an SSH or RDP client can use. */
    public boolean carriesTcp() {
        return protocol.equals("tcp") || protocol.equals("6") || isAllTraffic();
    }

    public boolean isAllTraffic() {
        return protocol.equals("-1") || protocol.equals("all");
    }

    /** "tcp 22 from 0.0.0.0/0", "all traffic from pl-…", for people. */
    public String display() {
        return (isAllTraffic() ? "all traffic" : protocol + " " + ports.display()) + " from " + source;
    }
}
