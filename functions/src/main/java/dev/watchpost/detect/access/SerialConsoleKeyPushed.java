package dev.watchpost.detect.access;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * Someone pushed an SSH key for an instance's serial console.
 *
 * <p>Why it matters: the serial console gives a shell that bypasses security groups, NACLs and sshd — out-of-band
 * access meant for break-glass recovery. HIGH.
 *
 * <p>Known false positives: recovery of an unreachable instance by its owners.
 */
public final class SerialConsoleKeyPushed extends SuccessfulCallDetection {
    public static final String ID = "access.serial-console-key-pushed";

    public SerialConsoleKeyPushed() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String instance = Json.text(event.requestParameters(), "instanceId");
        return finding(event)
                .title("Serial console key pushed for " + (instance.isEmpty() ? "an instance" : instance))
                .resource(Resource.INSTANCE, instance)
                .context("instance", instance)
                .context("serialPort", Json.text(event.requestParameters(), "serialPort"))
                .context("monitorMode", Json.text(event.requestParameters(), "monitorMode"))
                .context("mfa", event.principal().mfa() ? "yes" : "no")
                .buildList();
    }
}
