package dev.watchpost.detect.hardening;

import dev.watchpost.detect.FindingDetails;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SnapshotShared} found, for the remediation that makes a public snapshot private again.
 *
 * @param snapshotId the snapshot whose {@code createVolumePermission} grew
 * @param everyone   the {@code all} group was added: the snapshot is public
 * @param principals accounts, organizations and OUs added
 */
public record SharedSnapshot(String snapshotId, boolean everyone, List<String> principals) implements FindingDetails {
    public SharedSnapshot {
        Objects.requireNonNull(snapshotId, "snapshotId");
        principals = List.copyOf(principals);
    }
}
