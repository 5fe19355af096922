package dev.watchpost.detect.access;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * Someone pushed an SSH key to an instance with EC2 Instance Connect: they can log in for the next 60 seconds.
 *
 * <p>Why it matters: {@code SendSSHPublicKey} is how a principal with IAM rights but no key gets a shell
 * (T1098.004, T1021.004). LOW as a record of access; HIGH when the OS user is {@code root}, or when trusted CIDRs are
 * configured and the caller's source IP is outside them.
 *
 * <p>Known false positives: routine administrator access; the console's "Connect" button.
 *
 * <p>Triage: is the principal expected to log in to this instance, from this IP, with MFA? Check the instance's auth
 * log for the session that followed.
 */
public final class InstanceConnectKeyPushed implements Detection {
    public static final String ID = "access.instance-connect-key-pushed";

    static final String EIC_SOURCE = "ec2-instance-connect.amazonaws.com";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "SSH key pushed to an instance with EC2 Instance Connect", Severity.LOW,
            Set.of(EIC_SOURCE), Set.of("SendSSHPublicKey"),
            List.of("Confirm the principal is expected to log in to this instance, from this source IP, with MFA.",
                    "Check the instance's auth log for the session that followed (the key is valid for 60 seconds).",
                    "If unexpected, revoke the principal's ec2-instance-connect permissions and review its other calls."));

    private final SourceTrust trust;

    public InstanceConnectKeyPushed(DetectionParameters parameters) {
        this.trust = new SourceTrust(parameters);
    }

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        String instance = Json.text(event.requestParameters(), "instanceId");
        String osUser = Json.text(event.requestParameters(), "instanceOSUser");
        boolean root = osUser.equals("root");
        boolean untrusted = trust.isUntrusted(event);
        String why = root ? "the OS user is root" : trust.reason(event);
        return FindingBuilder.of(INFO, event)
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
