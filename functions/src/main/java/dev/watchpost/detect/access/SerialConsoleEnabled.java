package dev.watchpost.detect.access;

import dev.watchpost.detect.AccountSettingDetection;

/**
 * Serial console access was enabled for the account in a region.
 *
 * <p>Why it matters: it is the precondition for {@code SendSerialConsoleSSHPublicKey}, a path to a shell that no
 * network control sees. HIGH. Remediation {@code disable-serial-console-access}, default {@code DRY_RUN}.
 *
 * <p>Known false positives: a planned recovery.
 */
public final class SerialConsoleEnabled extends AccountSettingDetection {
    public static final String ID = "access.serial-console-enabled";

    public SerialConsoleEnabled() {
        super(ID, "Serial console access enabled", "serial-console-access");
    }
}
