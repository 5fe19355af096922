package dev.watchpost.remediate;

import dev.watchpost.remediate.cloudtrail.RestartTrailLogging;
import dev.watchpost.remediate.ec2.Ec2AccountSetting;
import dev.watchpost.remediate.ec2.MakeSnapshotPrivate;
import dev.watchpost.remediate.ec2.RequireImdsV2;
import dev.watchpost.remediate.ec2.RevokePrefixListRules;
import dev.watchpost.remediate.ec2.RevokeSecurityGroupRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The explicit list of remediations Watchpost ships, as metadata (for infra) and as working actions. A function builds
 * only the remediations of its own detections; the clients they call come per account and region from
 * {@link Targets}, each built only when a remediation first needs it, so the network function never creates a
 * CloudTrail client.
 */
public final class Remediations {
    private Remediations() {}

    /** Every remediation's metadata; needs no AWS client. */
    public static List<RemediationInfo> catalog() {
        return List.of(RevokeSecurityGroupRules.INFO, Ec2AccountSetting.DISABLE_SERIAL_CONSOLE,
                RequireImdsV2.INFO, Ec2AccountSetting.ENABLE_EBS_ENCRYPTION, RestartTrailLogging.INFO,
                MakeSnapshotPrivate.INFO, RevokePrefixListRules.INFO);
    }

    /** The SDK clients remediations use, all acting in one account and region; each is built when first asked for. */
    public interface Clients {
        Ec2Client ec2();

        CloudTrailClient cloudTrail();

        /** EventBridge, which only the audit sweep reads (its own rules); clients that were given none throw. */
        default EventBridgeClient events() {
            throw new UnsupportedOperationException("these clients have no EventBridge client");
        }

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

        /** Clients built by {@code ec2} and {@code cloudTrail} when first asked for, then kept. */
        static Clients lazily(Supplier<Ec2Client> ec2, Supplier<CloudTrailClient> cloudTrail) {
            return lazily(ec2, cloudTrail, () -> {
                throw new UnsupportedOperationException("these clients have no EventBridge client");
            });
        }

        /** As above, with EventBridge too. */
        static Clients lazily(Supplier<Ec2Client> ec2, Supplier<CloudTrailClient> cloudTrail,
                              Supplier<EventBridgeClient> events) {
            Supplier<Ec2Client> ec2Once = memoize(ec2);
            Supplier<CloudTrailClient> cloudTrailOnce = memoize(cloudTrail);
            Supplier<EventBridgeClient> eventsOnce = memoize(events);
            return new Clients() {
                @Override
                public Ec2Client ec2() {
                    return ec2Once.get();
                }

                @Override
                public CloudTrailClient cloudTrail() {
                    return cloudTrailOnce.get();
                }

                @Override
                public EventBridgeClient events() {
                    return eventsOnce.get();
                }
            };
        }
    }

    /** Working remediations for the given detections. */
    public static List<Remediation> forDetections(Set<String> detectionIds, String exemptTagKey, Clock clock) {
        return forDetections(detectionIds, exemptTagKey, clock, new ExemptionWitness());
    }

    /** As above, with the witness the pipeline feeds exemption-tag findings to. */
    public static List<Remediation> forDetections(Set<String> detectionIds, String exemptTagKey, Clock clock,
                                                  ExemptionWitness witness) {
        List<Remediation> out = new ArrayList<>();
        for (RemediationInfo info : catalog()) {
            if (!detectionIds.contains(info.detectionId())) {
                continue;
            }
            out.add(switch (info.id()) {
                case RevokeSecurityGroupRules.ID -> new RevokeSecurityGroupRules(exemptTagKey, clock, witness);
                case "disable-serial-console-access" -> Ec2AccountSetting.disableSerialConsoleAccess();
                case "enable-ebs-default-encryption" -> Ec2AccountSetting.enableEbsDefaultEncryption();
                case "require-imdsv2" -> new RequireImdsV2();
                case "restart-trail-logging" -> new RestartTrailLogging();
                case MakeSnapshotPrivate.ID -> new MakeSnapshotPrivate();
                case RevokePrefixListRules.ID -> new RevokePrefixListRules(exemptTagKey, clock, witness);
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
