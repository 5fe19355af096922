package dev.watchpost.detect.access;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
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
 * An attempt to push an SSH key with EC2 Instance Connect failed, typically {@code AccessDenied}.
 *
 * <p>Why it matters: denied attempts are how an attacker with stolen credentials probes for shell access (T1078).
 * This detection is about failures, so unlike the others it fires only when {@code errorCode} is present. CloudTrail
 * often records such events with {@code requestParameters} null, so the instance may be unknown.
 *
 * <p>Known false positives: a user missing a permission they should have.
 *
 * <p>Triage: is the principal known, and the source IP one of yours? Several denials in a row from one principal are
 * a probe; look at its other recent calls.
 */
public final class InstanceConnectKeyDenied implements Detection {
    public static final String ID = "access.instance-connect-key-denied";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "EC2 Instance Connect key push denied", Severity.MEDIUM,
            Set.of(InstanceConnectKeyPushed.EIC_SOURCE), Set.of("SendSSHPublicKey"),
            List.of("Check whether the principal and source IP are known.",
                    "Look for repeated denials and the principal's other recent calls (a probe with stolen keys?)."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (event.succeeded()) {
            return List.of();
        }
        String instance = Json.text(event.requestParameters(), "instanceId");
        return FindingBuilder.of(INFO, event)
                .title("EC2 Instance Connect key push denied" + (instance.isEmpty() ? "" : " for " + instance))
                .resource(Resource.INSTANCE, instance)
                .context("instance", instance.isEmpty() ? "not recorded (requestParameters is null)" : instance)
                .context("osUser", Json.text(event.requestParameters(), "instanceOSUser"))
                .context("errorCode", event.errorCode().orElse(""))
                .context("errorMessage", event.errorMessage())
                .buildList();
    }
}
