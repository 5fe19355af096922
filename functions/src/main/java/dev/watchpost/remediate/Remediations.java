package dev.watchpost.remediate;

import dev.watchpost.remediate.ec2.RevokeSecurityGroupRules;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The explicit list of remediations Watchpost ships, as metadata (for infra) and as working actions. */
public final class Remediations {
    private Remediations() {}

    /** Every remediation's metadata; needs no AWS client. */
    public static List<RemediationInfo> catalog() {
        return List.of(RevokeSecurityGroupRules.INFO);
    }

    /** Working remediations for a function, sharing its clients. */
    public static List<Remediation> create(Ec2Client ec2, String exemptTagKey, Clock clock) {
        return List.of(new RevokeSecurityGroupRules(ec2, exemptTagKey, clock));
    }
}
