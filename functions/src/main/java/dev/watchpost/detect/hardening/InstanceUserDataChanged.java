package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

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
public final class InstanceUserDataChanged extends SuccessfulCallDetection {
    public static final String ID = "hardening.instance-user-data-changed";

    public InstanceUserDataChanged() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        boolean changed = !Json.path(request, "userData").isMissingNode()
                || Json.text(request, "attribute").equals("userData");
        if (!changed) {
            return List.of();
        }
        String instance = Json.text(request, "instanceId");
        return finding(event)
                .title("User data of " + (instance.isEmpty() ? "an instance" : instance) + " changed")
                .resource(Resource.INSTANCE, instance)
                .context("instanceId", instance)
                .buildList();
    }
}
