package dev.watchpost.remediate;

import dev.watchpost.remediate.cloudtrail.RestartTrailLogging;
import dev.watchpost.remediate.ec2.Ec2AccountSetting;
import dev.watchpost.remediate.ec2.RequireImdsV2;
import dev.watchpost.remediate.ec2.RevokeSecurityGroupRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The explicit list of remediations Watchpost ships, as metadata (for infra) and as working actions. A function builds
 * only the remediations of its own detections, and asks for an SDK client only if one of them needs it, so the network
 * function never creates a CloudTrail client.
 */
public final class Remediations {
    private Remediations() {}

    /** Every remediation's metadata; needs no AWS client. */
    public static List<RemediationInfo> catalog() {
        return List.of(RevokeSecurityGroupRules.INFO, Ec2AccountSetting.DISABLE_SERIAL_CONSOLE,
                RequireImdsV2.INFO, Ec2AccountSetting.ENABLE_EBS_ENCRYPTION, RestartTrailLogging.INFO);
    }

    /** The SDK clients remediations may need; each is asked for at most once, and only when needed. */
    public interface Clients {
        Ec2Client ec2();

        CloudTrailClient cloudTrail();

        /** Clients already built, handed out as they are (priming, tests). */
        static Clients of(Ec2Client ec2, CloudTrailClient cloudTrail) {
            return new Clients() {
                @Override
                public Ec2Client ec2() {
                    return ec2;
                }

                @Override
                public CloudTrailClient cloudTrail() {
                    return cloudTrail;
                }
            };
        }
    }

    /** Working remediations for the given detections. */
    public static List<Remediation> forDetections(Set<String> detectionIds, Clients clients, String exemptTagKey,
                                                  Clock clock) {
        return forDetections(detectionIds, clients, exemptTagKey, clock, new ExemptionWitness());
    }

    /** As above, with the witness the pipeline feeds exemption-tag findings to. */
    public static List<Remediation> forDetections(Set<String> detectionIds, Clients clients, String exemptTagKey,
                                                  Clock clock, ExemptionWitness witness) {
        Supplier<Ec2Client> ec2 = memoize(clients::ec2);
        List<Remediation> out = new ArrayList<>();
        for (RemediationInfo info : catalog()) {
            if (!detectionIds.contains(info.detectionId())) {
                continue;
            }
            out.add(switch (info.id()) {
                case RevokeSecurityGroupRules.ID -> new RevokeSecurityGroupRules(ec2.get(), exemptTagKey, clock,
                        witness);
                case "disable-serial-console-access" -> Ec2AccountSetting.disableSerialConsoleAccess(ec2.get());
                case "enable-ebs-default-encryption" -> Ec2AccountSetting.enableEbsDefaultEncryption(ec2.get());
                case "require-imdsv2" -> new RequireImdsV2(ec2.get());
                case "restart-trail-logging" -> new RestartTrailLogging(clients.cloudTrail());
                default -> throw new IllegalStateException("no factory for remediation " + info.id());
            });
        }
        return out;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
