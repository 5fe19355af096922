package dev.watchpost.sweep;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import dev.watchpost.detect.audit.DetectorTampered;
import dev.watchpost.detect.audit.ManagementEventsDropped;
import dev.watchpost.detect.audit.RegionWithoutTrail;
import dev.watchpost.detect.audit.TrailLoggingStopped;
import dev.watchpost.detect.audit.TrailWeakened;
import dev.watchpost.detect.hardening.EbsDefaultEncryptionDisabled;
import dev.watchpost.detect.hardening.ImdsV1Allowed;
import dev.watchpost.detect.network.NetworkAclAdminPortOpen;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import java.util.List;
import java.util.Optional;

/**
 * The sweeps Watchpost ships, one per family: as metadata (what each reads, for infra) and as working sweeps built
 * on the same detection instances the family's events go through.
 */
public final class Sweeps {
    /** Pure and stateless, so one instance serves every sweep. */
    private static final Detection REGION_WITHOUT_TRAIL = new RegionWithoutTrail();

    private Sweeps() {}

    /**
     * The detections only sweeps run: no single CloudTrail event shows what they judge, so they are not in the event
     * registry ({@code Detections}) and no rule routes to them; their findings go through the same remediator and
     * alerts, and the catalog lists them.
     */
    public static List<Detection> sweepOnly() {
        return List.of(REGION_WITHOUT_TRAIL);
    }

    /** Every sweep's metadata, in family order; needs no AWS client. */
    public static List<SweepInfo> catalog() {
        return List.of(NetworkSweep.INFO, AccessSweep.INFO, HardeningSweep.INFO, AuditSweep.INFO);
    }

    /** The metadata of {@code family}'s sweep. */
    public static SweepInfo infoOf(Family family) {
        return catalog().stream().filter(info -> info.family() == family).findFirst().orElseThrow();
    }

    /**
     * {@code family}'s sweep over {@code detections} (the registry in force).
     *
     * @param pageSize  results per page asked of paginated reads
     * @param ruleHome  where Watchpost's own rules are, for the audit sweep; empty to not check them
     */
    public static Sweep of(Family family, Detections detections, String namePrefix, int pageSize,
                           Optional<AuditSweep.RuleHome> ruleHome) {
        return switch (family) {
            case NETWORK -> new NetworkSweep(get(detections, SecurityGroupAdminPortOpen.ID),
                    get(detections, SecurityGroupAdminPortFromPrefixList.ID),
                    get(detections, NetworkAclAdminPortOpen.ID), pageSize);
            case ACCESS -> new AccessSweep(get(detections, SerialConsoleEnabled.ID));
            case HARDENING -> new HardeningSweep(get(detections, EbsDefaultEncryptionDisabled.ID),
                    get(detections, ImdsV1Allowed.ID), pageSize);
            case AUDIT -> new AuditSweep(get(detections, TrailLoggingStopped.ID), get(detections, TrailWeakened.ID),
                    get(detections, ManagementEventsDropped.ID), get(detections, DetectorTampered.ID),
                    REGION_WITHOUT_TRAIL, namePrefix, ruleHome);
        };
    }

    private static Detection get(Detections detections, String id) {
        return detections.byId(id).orElseThrow(() -> new IllegalStateException("no detection " + id));
    }
}
