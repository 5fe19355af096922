package dev.watchpost.detect;

import dev.watchpost.detect.access.InstanceConnectEndpointCreated;
import dev.watchpost.detect.access.InstanceConnectEndpointDeleted;
import dev.watchpost.detect.access.InstanceConnectKeyDenied;
import dev.watchpost.detect.access.InstanceConnectKeyPushed;
import dev.watchpost.detect.access.InstanceConnectTunnelOpened;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import dev.watchpost.detect.access.SerialConsoleKeyPushed;
import dev.watchpost.detect.access.SsmAssociationCreated;
import dev.watchpost.detect.access.SsmAutomationStarted;
import dev.watchpost.detect.access.SsmCommandSent;
import dev.watchpost.detect.access.SsmSessionStarted;
import dev.watchpost.detect.access.VerifiedAccessAdminPortEndpoint;
import dev.watchpost.detect.access.VerifiedAccessPolicyWeakened;
import dev.watchpost.detect.access.VerifiedAccessTrustProviderRemoved;
import dev.watchpost.detect.access.WindowsPasswordRead;
import dev.watchpost.detect.audit.AlertKeyTampered;
import dev.watchpost.detect.audit.CentralWiringTampered;
import dev.watchpost.detect.audit.DetectorRoleTampered;
import dev.watchpost.detect.audit.DetectorTampered;
import dev.watchpost.detect.audit.ManagementEventsDropped;
import dev.watchpost.detect.audit.RuntimeSettingsChanged;
import dev.watchpost.detect.audit.TrailDeleted;
import dev.watchpost.detect.audit.TrailLoggingStopped;
import dev.watchpost.detect.audit.TrailWeakened;
import dev.watchpost.detect.hardening.AuditRuleTampered;
import dev.watchpost.detect.hardening.EbsDefaultEncryptionDisabled;
import dev.watchpost.detect.hardening.ImageShared;
import dev.watchpost.detect.hardening.ImdsV1Allowed;
import dev.watchpost.detect.hardening.InstanceProfileChanged;
import dev.watchpost.detect.hardening.InstanceSecurityGroupsChanged;
import dev.watchpost.detect.hardening.InstanceUserDataChanged;
import dev.watchpost.detect.hardening.KeyPairAdded;
import dev.watchpost.detect.hardening.LaunchTemplateImdsV1;
import dev.watchpost.detect.hardening.SnapshotShared;
import dev.watchpost.detect.network.ClientVpnIngressOpen;
import dev.watchpost.detect.network.ElasticIpAssociated;
import dev.watchpost.detect.network.ExemptionTagSet;
import dev.watchpost.detect.network.NetworkAclAdminPortOpen;
import dev.watchpost.detect.network.PrefixListInternetEntry;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.detect.network.SubnetAutoPublicIp;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The registry: every detection Watchpost ships, listed explicitly (no classpath scanning, which costs cold start).
 * Routing an event to its detections is a map lookup on the event name, so the cost per event does not grow with the
 * number of detections that do not apply. Immutable and thread-safe.
 */
public final class Detections {
    private final List<Detection> all;
    private final Map<String, List<Detection>> byEventName;
    private final Map<String, Detection> byId;

    public Detections(List<Detection> detections) {
        this.all = List.copyOf(detections);
        Map<String, Detection> ids = new LinkedHashMap<>();
        Map<String, List<Detection>> names = new HashMap<>();
        for (Detection detection : all) {
            DetectionInfo info = detection.info();
            if (ids.putIfAbsent(info.id(), detection) != null) {
                throw new IllegalArgumentException("duplicate detection id: " + info.id());
            }
            for (String name : info.eventNames()) {
                names.computeIfAbsent(name, n -> new ArrayList<>()).add(detection);
            }
        }
        names.replaceAll((name, list) -> List.copyOf(list));
        this.byEventName = Map.copyOf(names);
        this.byId = Map.copyOf(ids);
    }

    /** Every detection Watchpost ships, tuned by {@code parameters}. */
    public static Detections defaults(DetectionParameters parameters) {
        return new Detections(List.of(
                new SecurityGroupAdminPortOpen(parameters),
                new NetworkAclAdminPortOpen(parameters),
                new SecurityGroupAdminPortFromPrefixList(parameters),
                new PrefixListInternetEntry(parameters),
                new ExemptionTagSet(parameters),
                new SubnetAutoPublicIp(),
                new ElasticIpAssociated(),
                new ClientVpnIngressOpen(parameters),
                new InstanceConnectKeyPushed(parameters),
                new InstanceConnectKeyDenied(),
                new SerialConsoleKeyPushed(),
                new SerialConsoleEnabled(),
                new InstanceConnectEndpointCreated(),
                new InstanceConnectEndpointDeleted(),
                new InstanceConnectTunnelOpened(parameters),
                new SsmSessionStarted(parameters),
                new SsmCommandSent(),
                new SsmAutomationStarted(),
                new SsmAssociationCreated(),
                new WindowsPasswordRead(),
                new VerifiedAccessAdminPortEndpoint(parameters),
                new VerifiedAccessPolicyWeakened(),
                new VerifiedAccessTrustProviderRemoved(),
                new ImdsV1Allowed(),
                new EbsDefaultEncryptionDisabled(),
                new KeyPairAdded(),
                new InstanceProfileChanged(),
                new AuditRuleTampered(parameters),
                new InstanceUserDataChanged(),
                new InstanceSecurityGroupsChanged(),
                new SnapshotShared(),
                new ImageShared(),
                new LaunchTemplateImdsV1(),
                new TrailLoggingStopped(),
                new TrailDeleted(),
                new TrailWeakened(),
                new ManagementEventsDropped(),
                new DetectorTampered(parameters),
                new AlertKeyTampered(parameters),
                new DetectorRoleTampered(parameters),
                new CentralWiringTampered(parameters),
                new RuntimeSettingsChanged(parameters)));
    }

    public List<Detection> all() {
        return all;
    }

    /** Every detection's id (unordered). */
    public Set<String> ids() {
        return byId.keySet();
    }

    public Optional<Detection> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * False when no detection watches an event of this name, whatever its source: such an event can be passed over
     * without reading more of it. Null is watched by none.
     */
    public boolean watchesEventName(String eventName) {
        return eventName != null && byEventName.containsKey(eventName);
    }

    /**
     * The detections that apply to this event's name and source; usually zero or one. None for a record that is not a
     * management event (every detection reads a management call), so no detection has to ask.
     */
    public List<Detection> forEvent(CloudTrailEvent event) {
        List<Detection> candidates = byEventName.getOrDefault(event.eventName(), List.of());
        if (candidates.isEmpty() || !event.isManagementEvent()) {
            return List.of();
        }
        String source = event.eventSource();
        List<Detection> matching = new ArrayList<>(candidates.size());
        for (Detection detection : candidates) {
            if (detection.info().eventSources().contains(source)) {
                matching.add(detection);
            }
        }
        return matching;
    }

    /** Detections grouped by the function that runs them, in family order. */
    public Map<Family, List<Detection>> byFamily() {
        Map<Family, List<Detection>> out = new EnumMap<>(Family.class);
        for (Detection detection : all) {
            out.computeIfAbsent(detection.info().family(), f -> new ArrayList<>()).add(detection);
        }
        return out;
    }

    /** The sorted event sources of one family, as EventBridge routing needs them. */
    public SortedSet<String> eventSources(Family family) {
        SortedSet<String> out = new TreeSet<>();
        all.stream().filter(d -> d.info().family() == family).forEach(d -> out.addAll(d.info().eventSources()));
        return out;
    }

    /** Whether a detection of {@code family} reads read-only calls, which a rule receives only when asked to. */
    public boolean readsReadOnlyEvents(Family family) {
        return all.stream().anyMatch(d -> d.info().family() == family && !d.info().readOnlyEventNames().isEmpty());
    }

    /** Whether any detection reads read-only calls. */
    public boolean readsReadOnlyEvents() {
        return all.stream().anyMatch(d -> !d.info().readOnlyEventNames().isEmpty());
    }

    /** The sorted event names of one family. */
    public SortedSet<String> eventNames(Family family) {
        SortedSet<String> out = new TreeSet<>();
        all.stream().filter(d -> d.info().family() == family).forEach(d -> out.addAll(d.info().eventNames()));
        return out;
    }
}
