package dev.watchpost.remediate;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.network.ExemptionTagSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, for a while, who put the exemption tag on which security group, as seen by this container's
 * {@code network.exemption-tag-set} findings, so that the remediation can say when the principal that opened a port
 * had exempted the group moments before: the pattern of someone switching Watchpost off in order to open a way in.
 * "The same principal" means the same identity ({@link dev.watchpost.event.Principal#identity()}: the role behind an
 * assumed-role session, else the caller's ARN), so a second session of the same role is still recognised. Best effort
 * by nature and per container: a tag set through another container, or before this one started, is not remembered
 * (the tagging is still alerted on its own), and the note says so. Bounded; thread-safe.
 */
public final class ExemptionWitness {
    /** How close in time tagging and opening must be to be reported as one move. */
    public static final Duration SAME_MOVE = Duration.ofMinutes(1);
    private static final int CAPACITY = 1_000;

    /**
     * Who set the exemption tag on a group, and when.
     *
     * @param principalArn the caller's ARN (for a role, the session)
     * @param identity     the identity behind it, compared across sessions
     * @param at           when
     */
    public record Tagging(String principalArn, String identity, Instant at) {}

    private final Map<String, Tagging> byGroup = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tagging> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Takes note of an exemption-tag finding; other findings are ignored. */
    public void observe(Finding finding) {
        if (!finding.detection().id().equals(ExemptionTagSet.ID)) {
            return;
        }
        Optional<Instant> at = finding.event().eventInstant();
        if (at.isEmpty()) {
            return;
        }
        Tagging tagging = new Tagging(finding.event().principal().arn(), finding.event().principal().identity(),
                at.get());
        synchronized (byGroup) {
            for (Resource resource : finding.resources()) {
                if (resource.type().equals(Resource.SECURITY_GROUP)) {
                    byGroup.put(resource.id(), tagging);
                }
            }
        }
    }

    /** The last exemption tagging of {@code groupId} this container saw. */
    public Optional<Tagging> lastTagging(String groupId) {
        synchronized (byGroup) {
            return Optional.ofNullable(byGroup.get(groupId));
        }
    }

    /**
     * A note for the alert about {@code finding}'s group, or "" when this container saw no tagging of it: whether the
     * same principal set the tag within {@link #SAME_MOVE} of the event.
     */
    public String noteFor(String groupId, Finding finding) {
        Optional<Tagging> tagging = lastTagging(groupId);
        if (tagging.isEmpty()) {
            return "";
        }
        Tagging seen = tagging.get();
        String identity = finding.event().principal().identity();
        Optional<Instant> at = finding.event().eventInstant();
        boolean sameIdentity = !identity.isEmpty() && identity.equals(seen.identity());
        if (sameIdentity && at.isPresent()) {
            Duration apart = Duration.between(seen.at(), at.get()).abs();
            if (apart.compareTo(SAME_MOVE) <= 0) {
                String session = seen.principalArn().equals(finding.event().principal().arn()) ? ""
                        : ", from another session: " + seen.principalArn();
                return "SUSPECT EXEMPTION: the tag was set by the same identity (" + identity + session + ") "
                        + apart.toSeconds() + " s " + (seen.at().isAfter(at.get()) ? "after" : "before")
                        + " this change (as seen by this function instance only)";
            }
        }
        return "the tag was set by " + (seen.principalArn().isEmpty() ? "an unknown principal" : seen.principalArn())
                + " at " + seen.at() + " (as seen by this function instance only)";
    }
}
