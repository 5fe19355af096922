package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.remediate.Exemption;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The one reading of a security group's exemption tag for the revokes: the group as EC2 holds it now, and whether an
 * active exemption (see {@link Exemption}) says to leave it alone, with a note for the alert when a tag was present
 * but did not count (expired, unreadable) or was set by the opener itself ({@link ExemptionWitness}). Immutable;
 * thread-safe as far as the witness is.
 *
 * @param tagKey  the exemption tag key in force
 * @param clock   today's date, for {@code until=}
 * @param witness who this container saw set exemption tags
 */
record GroupExemption(String tagKey, Clock clock, ExemptionWitness witness) {

    /** A {@code Skipped} reason when {@link #exempt()}; otherwise a note for the alert, or "". */
    record Check(boolean exempt, String note) {}

    /**
     * Reads the group and runs {@code action} on its id unless an active exemption applies ({@code Skipped}, with the
     * reason); the exemption's note (e.g. an expired tag) is added to the action's outcome. A group that no longer
     * exists counts as done. EC2 errors propagate.
     */
    Outcome unlessExempt(Ec2Client ec2, String groupId, String groupName, Plan plan, Finding finding,
                         Function<String, Outcome> action) {
        Optional<SecurityGroup> group = describe(ec2, groupId, groupName);
        if (group.isEmpty()) {
            return new Outcome.Applied(plan, "the security group no longer exists");
        }
        Check exemption = check(group.get(), finding);
        if (exemption.exempt()) {
            return new Outcome.Skipped(plan, exemption.note());
        }
        return RevokeSecurityGroupRules.withNote(action.apply(group.get().groupId()), exemption.note());
    }

    /** The group by id (or by name when the event gave no id); empty when EC2 no longer has it. */
    private static Optional<SecurityGroup> describe(Ec2Client ec2, String groupId, String groupName) {
        try {
            List<SecurityGroup> groups = groupId.isEmpty()
                    ? ec2.describeSecurityGroups(r -> r.groupNames(groupName)).securityGroups()
                    : ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups();
            return groups.stream().findFirst();
        } catch (Ec2Exception e) {
            if (Ec2Errors.code(e).startsWith("InvalidGroup.NotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Reads the group's exemption tag; an exempt answer names the reason and who set the tag, if seen. */
    private Check check(SecurityGroup group, Finding finding) {
        for (Tag tag : group.tags()) {
            if (!tag.key().equals(tagKey)) {
                continue;
            }
            return switch (Exemption.parse(tag.value())) {
                case Exemption.Result.Invalid invalid ->
                        new Check(false, "tag " + tagKey + " ignored: " + invalid.problem());
                case Exemption.Result.Valid valid -> {
                    Exemption exemption = valid.exemption();
                    String until = exemption.until().map(day -> " (until " + day + ")").orElse("");
                    if (!exemption.isActiveOn(LocalDate.now(clock))) {
                        yield new Check(false, "tag " + tagKey + " expired" + until);
                    }
                    String reason = "exempt by tag " + tagKey + ": " + exemption.reason() + until;
                    String seen = witness.noteFor(group.groupId(), finding);
                    yield new Check(true, seen.isEmpty() ? reason : reason + "; " + seen);
                }
            };
        }
        return new Check(false, "");
    }
}
