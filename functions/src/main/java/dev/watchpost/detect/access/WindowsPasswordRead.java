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
 * The encrypted Windows administrator password of an instance was read ({@code GetPasswordData}).
 *
 * <p>Why it matters: with the launch key pair's private key, the response decrypts to the local Administrator
 * password, which gives RDP or WinRM access to the instance (T1555 Credentials from Password Stores; Stratus Red Team
 * {@code aws.credential-access.ec2-get-password-data}). MEDIUM: it is also how people
 * legitimately fetch the password after launch. CloudTrail never records the password data itself.
 *
 * <p>Delivery: {@code GetPasswordData} is a read-only management event. A trail must log read events (management
 * events with ReadWriteType {@code All}), and the EventBridge rule that routes it must have the state
 * {@code ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS}; a plain {@code ENABLED} rule never sees it. The offline
 * {@code watchpost scan} sees it whenever the trail logged it. Failed calls are ignored like everywhere else (no
 * password was handed out); repeated failures are a threshold question for a stateful detector.
 *
 * <p>Known false positives: administrators fetching the password of a new Windows instance from the console.
 *
 * <p>Triage: is the principal an administrator of this instance? Was the password changed since launch (then the
 * data is stale)? If unexpected, rotate the local Administrator password and review RDP logons.
 */
public final class WindowsPasswordRead implements Detection {
    public static final String ID = "access.windows-password-read";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "Windows administrator password data read", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"), Set.of("GetPasswordData"),
            List.of("Confirm the principal administers this instance.",
                    "If unexpected, rotate the local Administrator password and review RDP/WinRM logons."),
            Set.of("GetPasswordData"));

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
                .title("Windows password data read for " + (instance.isEmpty() ? "an instance" : instance))
                .resource(Resource.INSTANCE, instance)
                .context("instanceId", instance)
                .buildList();
    }
}
