package dev.watchpost.sweep;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import dev.watchpost.remediate.Remediations;
import java.time.Instant;
import java.util.List;

/**
 * EC2 serial console access left enabled for the account in a region ({@code GetSerialConsoleAccessStatus}), restated
 * as the {@code EnableSerialConsoleAccess} call for {@link SerialConsoleEnabled}. Thread-safe.
 */
public record AccessSweep(Detection serialConsole) implements Sweep {
    public static final SweepInfo INFO = new SweepInfo(Family.ACCESS, List.of("ec2:GetSerialConsoleAccessStatus"),
            List.of());

    @Override
    public SweepInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> findings(Remediations.Clients clients, String account, String region, Instant at) {
        if (!Boolean.TRUE.equals(clients.ec2().getSerialConsoleAccessStatus(r -> { }).serialConsoleAccessEnabled())) {
            return List.of();
        }
        return serialConsole.evaluate(StateRecord.of(account, region, at, "ec2.amazonaws.com",
                "EnableSerialConsoleAccess", SerialConsoleEnabled.ID, "serial-console-access/" + region,
                StateRecord.object(), StateRecord.object().put("serialConsoleAccessEnabled", true)));
    }
}
