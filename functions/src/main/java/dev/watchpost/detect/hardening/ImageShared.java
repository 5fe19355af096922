package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * An AMI was made public or shared with another account ({@code ModifyImageAttribute} adding
 * {@code launchPermission}).
 *
 * <p>Why it matters: whoever can launch the image can read its disks: baked-in keys, configuration, application data
 * (T1537 Transfer Data to Cloud Account; Panther "AMI Modified for Public Access", Cloud Custodian's
 * cross-account AMI filter). HIGH when public ({@code group all}), MEDIUM when shared with accounts, organizations
 * or OUs. Removing permissions, and changes to other attributes, do not fire.
 *
 * <p>Known false positives: images published on purpose (marketplace, community AMIs); sharing to your own
 * workload accounts (MEDIUM).
 *
 * <p>Triage: is the image meant to be public? If not: {@code aws ec2 modify-image-attribute --image-id ID
 * --launch-permission "Remove=[{Group=all}]"}, then treat secrets in the image as exposed. No automatic remediation:
 * public AMIs are sometimes a product, and the snapshot behind an AMI needs the same care.
 */
public final class ImageShared implements Detection {
    public static final String ID = "hardening.image-shared";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.HARDENING,
            "AMI made public or shared", Severity.HIGH,
            Set.of("ec2.amazonaws.com"), Set.of("ModifyImageAttribute"),
            List.of("Confirm whether the image is meant to be public or shared with these accounts.",
                    "If not: aws ec2 modify-image-attribute --image-id ID "
                            + "--launch-permission \"Remove=[{Group=all}]\".",
                    "Treat secrets baked into the image as exposed."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        PermissionGrants grants = PermissionGrants.read(event.requestParameters(), "launchPermission");
        if (grants.isEmpty()) {
            return List.of();
        }
        String image = Json.text(event.requestParameters(), "imageId");
        return FindingBuilder.of(INFO, event)
                .severity(grants.everyone() ? Severity.HIGH : Severity.MEDIUM)
                .title("AMI " + (image.isEmpty() ? "" : image + " ")
                        + (grants.everyone() ? "made public" : "shared with " + String.join(", ", grants.principals())))
                .resource("AWS::EC2::Image", image)
                .context("imageId", image)
                .context("public", String.valueOf(grants.everyone()))
                .context("sharedWith", String.join(", ", grants.principals()))
                .buildList();
    }
}
