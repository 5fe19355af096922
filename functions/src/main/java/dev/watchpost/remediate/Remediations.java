package dev.watchpost.remediate;

import dev.watchpost.remediate.cloudtrail.RestartTrailLogging;
import dev.watchpost.remediate.ec2.Ec2AccountSetting;
import dev.watchpost.remediate.ec2.MakeSnapshotPrivate;
import dev.watchpost.remediate.ec2.RequireImdsV2;
import dev.watchpost.remediate.ec2.RevokePrefixListRules;
import dev.watchpost.remediate.ec2.RevokeSecurityGroupRules;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The one registry of the remediations Watchpost ships: each entry pairs a remediation's metadata with how to build
 * it, so the working actions ({@link #forDetections}), the catalog infra grants IAM from ({@link #catalog()}) and the
 * docs table its test checks all come from {@link #SHIPPED}, and adding a remediation is one entry. A function builds
 * only the remediations of its own detections; the clients they call come per account and region from
 * {@link Targets}, each built only when a remediation first needs it, so the network function never creates a
 * CloudTrail client.
 */
public final class Remediations {
    /** What a factory may build a remediation from: the same for every remediation of a function. */
    public record Context(String exemptTagKey, Clock clock, ExemptionWitness witness) {}

    /** One shipped remediation: what it is, and how to build it (no AWS client needed for either). */
    public record Entry(RemediationInfo info, Function<Context, Remediation> factory) {}

    private static final List<Entry> SHIPPED = List.of(
            new Entry(RevokeSecurityGroupRules.INFO,
                    c -> new RevokeSecurityGroupRules(c.exemptTagKey(), c.clock(), c.witness())),
            new Entry(Ec2AccountSetting.DISABLE_SERIAL_CONSOLE, c -> Ec2AccountSetting.disableSerialConsoleAccess()),
            new Entry(RequireImdsV2.INFO, c -> new RequireImdsV2()),
            new Entry(Ec2AccountSetting.ENABLE_EBS_ENCRYPTION, c -> Ec2AccountSetting.enableEbsDefaultEncryption()),
            new Entry(RestartTrailLogging.INFO, c -> new RestartTrailLogging()),
            new Entry(MakeSnapshotPrivate.INFO, c -> new MakeSnapshotPrivate()),
            new Entry(RevokePrefixListRules.INFO,
                    c -> new RevokePrefixListRules(c.exemptTagKey(), c.clock(), c.witness())));

    private Remediations() {}

    /** Every shipped remediation, in registry order. */
    public static List<Entry> shipped() {
        return SHIPPED;
    }

    /** Every remediation's metadata; needs no AWS client. */
    public static List<RemediationInfo> catalog() {
        return SHIPPED.stream().map(Entry::info).toList();
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
            Supplier<Ec2Client> ec2Once = Memoized.of(ec2);
            Supplier<CloudTrailClient> cloudTrailOnce = Memoized.of(cloudTrail);
            Supplier<EventBridgeClient> eventsOnce = Memoized.of(events);
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
        Context context = new Context(exemptTagKey, clock, witness);
        return SHIPPED.stream().filter(entry -> detectionIds.contains(entry.info().detectionId()))
                .map(entry -> entry.factory().apply(context)).toList();
    }
}
