package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * EBS encryption by default was turned off for the account in a region.
 *
 * <p>Why it matters: new volumes and snapshot copies are then created unencrypted, so a shared or stolen snapshot
 * exposes the data. HIGH. Remediation {@code enable-ebs-default-encryption}, default {@code ENFORCE}: turning
 * it back on affects only new volumes and breaks nothing running.
 */
public final class EbsDefaultEncryptionDisabled extends SuccessfulCallDetection {
    public static final String ID = "hardening.ebs-default-encryption-disabled";

    public EbsDefaultEncryptionDisabled() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        return finding(event)
                .title("EBS encryption by default disabled in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "ebs-encryption-by-default/" + event.region())
                .buildList();
    }
}
