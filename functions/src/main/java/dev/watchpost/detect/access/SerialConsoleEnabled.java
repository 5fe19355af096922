package dev.watchpost.detect.access;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;

/**
 * Serial console access was enabled for the account in a region.
 *
 * <p>Why it matters: it is the precondition for {@code SendSerialConsoleSSHPublicKey}, a path to a shell that no
 * network control sees (T1021). HIGH. Remediation {@code disable-serial-console-access}, default {@code DRY_RUN}.
 *
 * <p>Known false positives: a planned recovery.
 *
 * <p>Triage: is there a recovery under way? If not, disable it again and look for serial-console key pushes since.
 */
public final class SerialConsoleEnabled implements Detection {
    public static final String ID = "access.serial-console-enabled";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "EC2 serial console access enabled", Severity.HIGH,
            Set.of("ec2.amazonaws.com"), Set.of("EnableSerialConsoleAccess"),
            List.of("Confirm a recovery needs the serial console.",
                    "Look for SendSerialConsoleSSHPublicKey calls since the event time.",
                    "Disable it when done: aws ec2 disable-serial-console-access."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        return FindingBuilder.of(INFO, event)
                .title("Serial console access enabled in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "serial-console-access/" + event.region())
                .buildList();
    }
}
