package dev.watchpost.detect.access;

import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.NamedResourceDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;

/**
 * Someone pushed an SSH key for an instance's serial console.
 *
 * <p>Why it matters: the serial console gives a shell that bypasses security groups, NACLs and sshd — out-of-band
 * access meant for break-glass recovery. HIGH.
 *
 * <p>Known false positives: recovery of an unreachable instance by its owners.
 */
public final class SerialConsoleKeyPushed extends NamedResourceDetection {
    public static final String ID = "access.serial-console-key-pushed";

    public SerialConsoleKeyPushed() {
        super(ID, NamedResource.instance("instance"), "Serial console key pushed for {an instance}");
    }

    @Override
    protected FindingBuilder describe(CloudTrailEvent event, String instance, FindingBuilder finding) {
        return finding.context("serialPort", Json.text(event.requestParameters(), "serialPort"))
                .context("monitorMode", Json.text(event.requestParameters(), "monitorMode"))
                .context("mfa", event.principal().mfa() ? "yes" : "no");
    }
}
