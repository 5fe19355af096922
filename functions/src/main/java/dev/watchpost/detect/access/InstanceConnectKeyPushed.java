package dev.watchpost.detect.access;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * Someone pushed an SSH key to an instance with EC2 Instance Connect: they can log in for the next 60 seconds.
 *
 * <p>Why it matters: {@code SendSSHPublicKey} is how a principal with IAM rights but no key gets a shell.
 * LOW as a record of access; HIGH when the OS user is {@code root}, or when trusted CIDRs are
 * configured and the caller's source IP is outside them.
 *
 * <p>Known false positives: routine administrator access; the console's "Connect" button.
 */
public final class InstanceConnectKeyPushed extends SuccessfulCallDetection {
    public static final String ID = "access.instance-connect-key-pushed";

    private final SourceTrust trust;

    public InstanceConnectKeyPushed(DetectionParameters parameters) {
        super(ID);
        this.trust = new SourceTrust(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String instance = Json.text(event.requestParameters(), "instanceId");
        String osUser = Json.text(event.requestParameters(), "instanceOSUser");
        boolean root = osUser.equals("root");
        boolean untrusted = trust.isUntrusted(event);
        String why = root ? "the OS user is root" : trust.reason(event);
        return finding(event)
                .severity(root || untrusted ? Severity.HIGH : Severity.LOW)
                .title("SSH key pushed for " + (osUser.isEmpty() ? "an OS user" : osUser) + " on "
                        + (instance.isEmpty() ? "an instance" : instance))
                .resource(Resource.INSTANCE, instance)
                .context("instance", instance)
                .context("osUser", osUser)
                .context("availabilityZone", Json.text(event.requestParameters(), "availabilityZone"))
                .context("mfa", event.principal().mfa() ? "yes" : "no")
                .context("raisedBecause", why)
                .buildList();
    }
}
