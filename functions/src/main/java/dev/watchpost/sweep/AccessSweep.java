package dev.watchpost.sweep;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * EC2 serial console access left enabled for the account in a region ({@code GetSerialConsoleAccessStatus}), restated
 * as the {@code EnableSerialConsoleAccess} call for {@link SerialConsoleEnabled}. Thread-safe.
 */
public record AccessSweep(Detection serialConsole) implements Ec2Sweep {
    public static final SweepInfo INFO = new SweepInfo(Family.ACCESS, List.of("ec2:GetSerialConsoleAccessStatus"),
            List.of());

    @Override
    public SweepInfo info() {
        return INFO;
    }

    @Override
    public void sweep(Ec2Client ec2, String account, String region, Instant at, List<Finding> found) {
        if (Boolean.TRUE.equals(ec2.getSerialConsoleAccessStatus(r -> { }).serialConsoleAccessEnabled())) {
            found.addAll(serialConsole.evaluate(StateRecord.of(account, region, at, SOURCE,
                    "EnableSerialConsoleAccess", SerialConsoleEnabled.ID, "serial-console-access/" + region,
                    StateRecord.object(), StateRecord.object().put("serialConsoleAccessEnabled", true))));
        }
    }
}
