package dev.watchpost.detect;

import dev.watchpost.event.Cidr;
import java.util.List;
import java.util.Set;

/**
 * The tunable inputs of the detections, built once from configuration. Immutable.
 *
 * @param adminPorts           ports whose exposure to the internet is an incident (default 22 and 3389)
 * @param internetPrefixLength a CIDR whose prefix length is at most this counts as "the internet" (default 0: only /0)
 * @param trustedCidrs         where people are expected to connect from; empty when not configured
 */
public record DetectionParameters(Set<Integer> adminPorts, int internetPrefixLength, List<Cidr> trustedCidrs) {
    public static final Set<Integer> DEFAULT_ADMIN_PORTS = Set.of(22, 3389);

    public DetectionParameters {
        adminPorts = Set.copyOf(adminPorts);
        trustedCidrs = List.copyOf(trustedCidrs);
        if (adminPorts.isEmpty()) {
            throw new IllegalArgumentException("at least one admin port is needed");
        }
        if (internetPrefixLength < 0 || internetPrefixLength > 32) {
            throw new IllegalArgumentException("internet prefix length must be 0-32, was " + internetPrefixLength);
        }
    }

    public static DetectionParameters defaults() {
        return new DetectionParameters(DEFAULT_ADMIN_PORTS, 0, List.of());
    }

    /** True when the block is wide enough to count as the internet. */
    public boolean isInternet(Cidr cidr) {
        return cidr.isAtLeastAsWideAs(internetPrefixLength);
    }
}
