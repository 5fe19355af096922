package dev.watchpost.detect.hardening;

import dev.watchpost.detect.FindingBuilder;

/**
 * An EBS snapshot was made public or shared with another account ({@code ModifySnapshotAttribute} adding
 * {@code createVolumePermission}).
 *
 * <p>Why it matters: anyone the snapshot is shared with can create a volume from it and read the disk: keys, user
 * data, databases (Transfer Data to Cloud Account; Stratus Red Team {@code aws.exfiltration.ebs-snapshot-shared};
 * AWS Config {@code ebs-snapshot-public-restorable-check}, Security Hub EC2.1). HIGH when public ({@code group all}),
 * MEDIUM when shared with accounts or organizations. Removing permissions does not fire.
 *
 * <p>Known false positives: cross-account backup copies and disaster-recovery accounts (MEDIUM).
 */
public final class SnapshotShared extends SharingDetection {
    public static final String ID = "hardening.snapshot-shared";

    public SnapshotShared() {
        super(ID, "createVolumePermission", "Snapshot", "AWS::EC2::Snapshot", "snapshotId");
    }

    @Override
    FindingBuilder describe(String snapshot, PermissionGrants grants, FindingBuilder finding) {
        return finding.details(new SharedSnapshot(snapshot, grants.everyone(), grants.principals()));
    }
}
