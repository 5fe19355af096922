package dev.watchpost.detect.access;

import dev.watchpost.detect.CatalogDetection;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An attempt to push an SSH key with EC2 Instance Connect failed, typically {@code AccessDenied}.
 *
 * <p>Why it matters: denied attempts are how an attacker with stolen credentials probes for shell access.
 * This detection is about failures, so unlike the others it fires only when {@code errorCode} is present. CloudTrail
 * often records such events with {@code requestParameters} null, so the instance may be unknown.
 *
 * <p>Known false positives: a user missing a permission they should have.
 */
public final class InstanceConnectKeyDenied extends CatalogDetection {
    public static final String ID = "access.instance-connect-key-denied";

    public InstanceConnectKeyDenied() {
        super(ID);
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (event.succeeded()) {
            return List.of();
        }
        String instance = Json.text(event.requestParameters(), "instanceId");
        return finding(event)
                .title("EC2 Instance Connect key push denied" + (instance.isEmpty() ? "" : " for " + instance))
                .resource(Resource.INSTANCE, instance)
                .context("instance", instance.isEmpty() ? "not recorded (requestParameters is null)" : instance)
                .context("osUser", Json.text(event.requestParameters(), "instanceOSUser"))
                .context("errorCode", event.errorCode().orElse(""))
                .context("errorMessage", event.errorMessage())
                .buildList();
    }
}
