package dev.watchpost.detect.hardening;

import dev.watchpost.detect.AccountSettingDetection;

/**
 * EBS encryption by default was turned off for the account in a region.
 *
 * <p>Why it matters: new volumes and snapshot copies are then created unencrypted, so a shared or stolen snapshot
 * exposes the data. HIGH. Remediation {@code enable-ebs-default-encryption}, default {@code ENFORCE}: turning
 * it back on affects only new volumes and breaks nothing running.
 */
public final class EbsDefaultEncryptionDisabled extends AccountSettingDetection {
    public static final String ID = "hardening.ebs-default-encryption-disabled";

    public EbsDefaultEncryptionDisabled() {
        super(ID, "EBS encryption by default disabled", "ebs-encryption-by-default");
    }
}
