package dev.watchpost.detect.network;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.event.Cidr;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one predicate for "open to the internet on an admin port": a rule not known to be egress that carries TCP (or
 * all traffic) on a range covering a configured admin port, from a CIDR at least as wide as the configured internet
 * prefix (compared as a network, never as text). It is fed by an event's rule items in the detection and by EC2's
 * current rules in the revoke's re-check, so the two cannot disagree. Pure and immutable; thread-safe.
 *
 * @param parameters the admin ports and internet prefix in force
 */
public record AdminPortExposure(DetectionParameters parameters) {

    /** The admin ports a rule's protocol and ports reach, whatever its source; empty for egress or non-TCP rules. */
    public Set<Integer> adminPortsReached(RuleChange rule) {
        Set<Integer> found = new TreeSet<>();
        if (rule.egress() == Direction.EGRESS || !rule.carriesTcp()) {
            return found;
        }
        for (int port : parameters.adminPorts()) {
            if (rule.isAllTraffic() || rule.ports().contains(port)) {
                found.add(port);
            }
        }
        return found;
    }

    /** The admin ports the rule opens to the internet; empty when it opens none (or its source is not a CIDR). */
    public Set<Integer> exposedToInternet(RuleChange rule) {
        if (rule.kind() != SourceKind.CIDR || internetCidr(rule.source()).isEmpty()) {
            return Set.of();
        }
        return adminPortsReached(rule);
    }

    /** True when EC2 says the rule is ingress (not merely "not known to be egress") and it opens an admin port. */
    public boolean confirmedOpen(RuleChange rule) {
        return rule.egress() == Direction.INGRESS && !exposedToInternet(rule).isEmpty();
    }

    /** The CIDR when it parses and is wide enough to count as the internet. */
    public Optional<Cidr> internetCidr(String text) {
        return Cidr.parse(text).filter(parameters::isInternet);
    }
}
