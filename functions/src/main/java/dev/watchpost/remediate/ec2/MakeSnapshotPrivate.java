package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.hardening.SharedSnapshot;
import dev.watchpost.detect.hardening.SnapshotShared;
import dev.watchpost.remediate.DetailsRemediation;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * Makes a snapshot that was made public private again: removes the {@code all} group from its
 * {@code createVolumePermission}, and nothing else (accounts it is shared with stay, since cross-account backups are
 * common). Removing a group that is no longer there succeeds, and a snapshot that no longer exists counts as done, so
 * a retried event is harmless. Default mode {@code DRY_RUN}: a few teams publish snapshots on purpose. Thread-safe.
 */
public final class MakeSnapshotPrivate extends DetailsRemediation<SharedSnapshot> {
    public static final String ID = "make-snapshot-private";
    private static final String ACTION = "ec2:ModifySnapshotAttribute";
    public static final RemediationInfo INFO = new RemediationInfo(ID, SnapshotShared.ID, List.of(ACTION),
            RemediationMode.DRY_RUN, Map.of(ACTION, List.of("arn:{partition}:ec2:{region}::snapshot/*")));

    public MakeSnapshotPrivate() {
        super(INFO, SharedSnapshot.class);
    }

    @Override
    protected Optional<Plan> plan(Finding finding, SharedSnapshot shared, RemediationMode mode) {
        if (!shared.everyone()
                || shared.snapshotId().isEmpty()) {
            return Optional.empty();
        }
        String undo = "aws ec2 modify-snapshot-attribute --region " + ShellQuote.quote(finding.event().region())
                + " --snapshot-id " + ShellQuote.quote(shared.snapshotId())
                + " --attribute createVolumePermission --operation-type add --group-names all";
        return Optional.of(new Plan(ID, mode, List.of(shared.snapshotId()),
                "Make snapshot " + shared.snapshotId() + " private (remove public create-volume permission)", undo));
    }

    @Override
    protected Outcome apply(Plan plan, Finding finding, SharedSnapshot shared, Remediations.Clients clients) {
        try {
            clients.ec2().modifySnapshotAttribute(r -> r.snapshotId(shared.snapshotId())
                    .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)
                    .operationType(OperationType.REMOVE)
                    .groupNames("all"));
            return new Outcome.Applied(plan, "");
        } catch (Ec2Exception e) {
            if (Ec2Errors.code(e).startsWith("InvalidSnapshot.NotFound")) {
                return new Outcome.Applied(plan, "the snapshot no longer exists");
            }
            return new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }
}
