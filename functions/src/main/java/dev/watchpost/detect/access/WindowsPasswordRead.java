package dev.watchpost.detect.access;

import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.NamedResourceDetection;

/**
 * The encrypted Windows administrator password of an instance was read ({@code GetPasswordData}).
 *
 * <p>Why it matters: with the launch key pair's private key, the response decrypts to the local Administrator
 * password, which gives RDP or WinRM access to the instance (Credentials from Password Stores; Stratus Red Team
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
 */
public final class WindowsPasswordRead extends NamedResourceDetection {
    public static final String ID = "access.windows-password-read";

    public WindowsPasswordRead() {
        super(ID, NamedResource.instance("instanceId"), "Windows password data read for {an instance}");
    }
}
