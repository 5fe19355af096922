package dev.watchpost.detect.access;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * Serial console access was enabled for the account in a region.
 *
 * <p>Why it matters: it is the precondition for {@code SendSerialConsoleSSHPublicKey}, a path to a shell that no
 * network control sees. HIGH. Remediation {@code disable-serial-console-access}, default {@code DRY_RUN}.
 *
 * <p>Known false positives: a planned recovery.
 */
public final class SerialConsoleEnabled extends SuccessfulCallDetection {
    public static final String ID = "access.serial-console-enabled";

    public SerialConsoleEnabled() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        return finding(event)
                .title("Serial console access enabled in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, "serial-console-access/" + event.region())
                .buildList();
    }
}
