package dev.watchpost.detect.hardening;

/**
 * An AMI was made public or shared with another account ({@code ModifyImageAttribute} adding
 * {@code launchPermission}).
 *
 * <p>Why it matters: whoever can launch the image can read its disks: baked-in keys, configuration, application data
 * (Transfer Data to Cloud Account; Panther "AMI Modified for Public Access", Cloud Custodian's
 * cross-account AMI filter). HIGH when public ({@code group all}), MEDIUM when shared with accounts, organizations
 * or OUs. Removing permissions, and changes to other attributes, do not fire.
 *
 * <p>Known false positives: images published on purpose (marketplace, community AMIs); sharing to your own
 * workload accounts (MEDIUM).
 */
public final class ImageShared extends SharingDetection {
    public static final String ID = "hardening.image-shared";

    public ImageShared() {
        super(ID, "launchPermission", "AMI", "AWS::EC2::Image", "imageId");
    }
}
