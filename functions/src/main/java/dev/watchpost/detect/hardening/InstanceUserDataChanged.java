package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.NamedResourceDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;

/**
 * The user data of an instance was replaced ({@code ModifyInstanceAttribute} with {@code userData}).
 *
 * <p>Why it matters: user data runs as root (or SYSTEM) at the next start when it is a cloud-init script with
 * {@code #cloud-boothook} or per-boot directives, so stopping an instance, changing its user data and starting it
 * again is a known path from {@code ec2:ModifyInstanceAttribute} to code execution with the instance role's
 * credentials (Boot or Logon Initialization Scripts, Cloud API; Panther "EC2 Startup Script Change",
 * Elastic hunting "EC2 Modify Instance Attribute User Data"). HIGH. CloudTrail redacts the script, so the event only
 * says that it changed. The request carries {@code userData} (a redacted value or {@code {"value": …}}); the CLI's
 * {@code --attribute userData --value} form ({@code attribute}/{@code value}) is read too.
 *
 * <p>Known false positives: golden-image pipelines that rewrite user data while an instance is stopped.
 */
public final class InstanceUserDataChanged extends NamedResourceDetection {
    public static final String ID = "hardening.instance-user-data-changed";

    public InstanceUserDataChanged() {
        super(ID, NamedResource.instance("instanceId"), "User data of {an instance} changed");
    }

    @Override
    protected boolean applies(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        return !Json.path(request, "userData").isMissingNode()
                || Json.text(request, "attribute").equals("userData");
    }
}
