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
 * Someone pushed an SSH key for an instance's serial console.
 *
 * <p>Why it matters: the serial console gives a shell that bypasses security groups, NACLs and sshd — out-of-band
 * access meant for break-glass recovery (T1021). HIGH.
 *
 * <p>Known false positives: recovery of an unreachable instance by its owners.
 *
 * <p>Triage: is there an incident that needs console access? Who made the call, with MFA? Disable serial console
 * access for the account when it is not in use.
 */
public final class SerialConsoleKeyPushed implements Detection {
    public static final String ID = "access.serial-console-key-pushed";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "SSH key pushed for an instance's serial console", Severity.HIGH,
            Set.of(InstanceConnectKeyPushed.EIC_SOURCE), Set.of("SendSerialConsoleSSHPublicKey"),
            List.of("Confirm an incident needs serial console access to this instance.",
                    "Check who made the call, from where, and whether MFA was used.",
                    "Disable serial console access for the account when it is not needed."));

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
        return FindingBuilder.of(INFO, event)
                .title("Serial console key pushed for " + (instance.isEmpty() ? "an instance" : instance))
                .resource(Resource.INSTANCE, instance)
                .context("instance", instance)
                .context("serialPort", Json.text(event.requestParameters(), "serialPort"))
                .context("monitorMode", Json.text(event.requestParameters(), "monitorMode"))
                .context("mfa", event.principal().mfa() ? "yes" : "no")
                .buildList();
    }
}
