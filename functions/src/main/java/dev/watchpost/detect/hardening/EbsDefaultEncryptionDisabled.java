package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;

/**
 * EBS encryption by default was turned off for the account in a region.
 *
 * <p>Why it matters: new volumes and snapshot copies are then created unencrypted, so a shared or stolen snapshot
 * exposes the data (T1537). HIGH. Remediation {@code enable-ebs-default-encryption}, default {@code ENFORCE}: turning
 * it back on affects only new volumes and breaks nothing running.
 *
 * <p>Triage: who turned it off and why? List volumes and snapshots created since, unencrypted.
 */
public final class EbsDefaultEncryptionDisabled implements Detection {
    public static final String ID = "hardening.ebs-default-encryption-disabled";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.HARDENING,
            "EBS default encryption disabled", Severity.HIGH,
            Set.of("ec2.amazonaws.com"), Set.of("DisableEbsEncryptionByDefault"),
            List.of("Ask the principal why encryption by default was turned off.",
                    "List volumes and snapshots created since then without encryption.",
                    "Keep it enabled: aws ec2 enable-ebs-encryption-by-default."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        return FindingBuilder.of(INFO, event)
                .title("EBS encryption by default disabled in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "ebs-encryption-by-default/" + event.region())
                .buildList();
    }
}
