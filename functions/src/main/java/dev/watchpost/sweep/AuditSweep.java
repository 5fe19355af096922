package dev.watchpost.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.audit.DetectorTampered;
import dev.watchpost.detect.audit.ManagementEventsDropped;
import dev.watchpost.detect.audit.RegionWithoutTrail;
import dev.watchpost.detect.audit.TrailLoggingStopped;
import dev.watchpost.detect.audit.TrailWeakened;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.Remediations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * The audit trail as it stands: each trail whose home is this region ({@code DescribeTrails}, so a multi-region
 * trail is judged once) that is not logging ({@code GetTrailStatus}, restated as {@code StopLogging}), is not
 * multi-region or has no log-file validation (restated as the {@code UpdateTrail} that turned them off), or whose
 * selectors drop management events ({@code GetEventSelectors}, restated as {@code PutEventSelectors}); the region
 * itself when no trail that reaches it (its own, or a multi-region or organization trail from elsewhere, which
 * {@code includeShadowTrails} lists) logs management events ({@link RegionWithoutTrail}; a trail from elsewhere whose
 * status or selectors cannot be read here counts as logging, since its own region's sweep judges it); and Watchpost's
 * own family rules ({@code <prefix>-<family>}, {@code DescribeRule} on the default bus and, in the central account of
 * an organization, on the central bus) that are disabled or missing, restated as {@code DisableRule} or
 * {@code DeleteRule} for {@link DetectorTampered}. The rules are checked only in the account and region Watchpost is
 * deployed in. Thread-safe.
 *
 * @param ruleHome where Watchpost's rules live: its own account and region, and the central bus ("" for none)
 */
public record AuditSweep(Detection stopped, Detection weakened, Detection dropped, Detection tampered,
                         Detection uncovered, String namePrefix, Optional<RuleHome> ruleHome) implements Sweep {
    public static final SweepInfo INFO = new SweepInfo(Family.AUDIT, List.of("cloudtrail:DescribeTrails",
            "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "events:DescribeRule"),
            List.of("events:DescribeRule"));
    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    private static final String EVENTS = "events.amazonaws.com";

    /** Where Watchpost's own rules are. */
    public record RuleHome(String account, String region, String centralBus) {}

    @Override
    public SweepInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> findings(Remediations.Clients clients, String account, String region, Instant at) {
        List<Finding> found = new ArrayList<>();
        CloudTrailClient cloudTrail = clients.cloudTrail();
        ArrayNode reaching = StateRecord.object().arrayNode();
        for (Trail trail : cloudTrail.describeTrails(r -> r.includeShadowTrails(true)).trailList()) {
            String name = trail.trailARN() == null ? trail.name() : trail.trailARN();
            if (trail.homeRegion() != null && !trail.homeRegion().equals(region)) {
                reaching.add(fromElsewhere(cloudTrail, trail, name));
                continue;
            }
            boolean logging = Boolean.TRUE.equals(cloudTrail.getTrailStatus(r -> r.name(name)).isLogging());
            if (!logging) {
                found.addAll(stopped.evaluate(record(account, region, at, "StopLogging", TrailLoggingStopped.ID,
                        name, StateRecord.object().put("name", name))));
            }
            ObjectNode update = StateRecord.object().put("name", name);
            if (!Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
                update.put("isMultiRegionTrail", false);
            }
            if (!Boolean.TRUE.equals(trail.logFileValidationEnabled())) {
                update.put("enableLogFileValidation", false);
            }
            if (update.size() > 1) {
                found.addAll(weakened.evaluate(record(account, region, at, "UpdateTrail", TrailWeakened.ID, name,
                        update)));
            }
            ObjectNode selectors = selectors(name, cloudTrail.getEventSelectors(r -> r.trailName(name)));
            found.addAll(dropped.evaluate(record(account, region, at, "PutEventSelectors", ManagementEventsDropped.ID,
                    name, selectors)));
            reaching.add(reach(trail, name, logging, selectors));
        }
        ObjectNode trails = StateRecord.object();
        trails.set("trails", reaching);
        found.addAll(uncovered.evaluate(StateRecord.of(account, region, at, CloudTrailEvent.SWEEP_SOURCE,
                RegionWithoutTrail.CALL, RegionWithoutTrail.ID, "cloudtrail/" + region, trails, null)));
        if (ruleHome.filter(home -> home.account().equals(account) && home.region().equals(region)).isPresent()) {
            found.addAll(rules(clients.events(), account, region, at));
        }
        return found;
    }

    /**
     * A trail whose home is another region (multi-region, or an organization's), as it reaches this one; what cannot
     * be read of it from here (its status, its selectors) counts as logging everything, since the sweep of its own
     * home region judges it.
     */
    private static ObjectNode fromElsewhere(CloudTrailClient cloudTrail, Trail trail, String name) {
        boolean logging = true;
        try {
            logging = Boolean.TRUE.equals(cloudTrail.getTrailStatus(r -> r.name(name)).isLogging());
        } catch (CloudTrailException e) {
            // judged where it lives
        }
        ObjectNode selectors = StateRecord.object();
        try {
            selectors = selectors(name, cloudTrail.getEventSelectors(r -> r.trailName(name)));
        } catch (CloudTrailException e) {
            // judged where it lives
        }
        return reach(trail, name, logging, selectors);
    }

    /** One trail as {@link RegionWithoutTrail} reads it. */
    private static ObjectNode reach(Trail trail, String name, boolean logging, ObjectNode selectors) {
        ObjectNode node = StateRecord.object().put("name", name)
                .put("isMultiRegionTrail", Boolean.TRUE.equals(trail.isMultiRegionTrail()))
                .put("isLogging", logging);
        StateRecord.putIfPresent(node, "homeRegion", trail.homeRegion());
        node.set("selectors", selectors);
        return node;
    }

    private List<Finding> rules(EventBridgeClient events, String account, String region, Instant at) {
        List<Finding> found = new ArrayList<>();
        List<String> buses = new ArrayList<>(List.of("default"));
        ruleHome.map(RuleHome::centralBus).filter(bus -> !bus.isEmpty()).ifPresent(buses::add);
        for (String bus : buses) {
            for (Family family : Family.values()) {
                String rule = namePrefix + "-" + family.id();
                String call;
                try {
                    RuleState state = events.describeRule(r -> r.name(rule).eventBusName(bus)).state();
                    if (state == RuleState.ENABLED) {
                        continue;
                    }
                    call = "DisableRule";
                } catch (ResourceNotFoundException e) {
                    call = "DeleteRule";
                }
                String arnish = bus.equals("default") ? rule : bus + "/" + rule;
                found.addAll(tampered.evaluate(StateRecord.of(account, region, at, EVENTS, call,
                        DetectorTampered.ID, arnish, StateRecord.object().put("name", arnish)
                                .put("eventBusName", bus), null)));
            }
        }
        return found;
    }

    private static CloudTrailEvent record(String account, String region, Instant at, String call, String detection,
                                          String trail, ObjectNode request) {
        return StateRecord.of(account, region, at, CLOUDTRAIL, call, detection, trail, request,
                StateRecord.object());
    }

    /**
     * The selectors as a {@code PutEventSelectors} request would carry them; none at all (as moto answers for a new
     * trail) as no selectors in the request, which CloudTrail's default (every management event) stands for.
     */
    private static ObjectNode selectors(String trail, GetEventSelectorsResponse response) {
        ObjectNode request = StateRecord.object().put("trailName", trail);
        if (response.advancedEventSelectors().isEmpty() && response.eventSelectors().isEmpty()) {
            return request;
        }
        if (response.hasAdvancedEventSelectors() && !response.advancedEventSelectors().isEmpty()) {
            ArrayNode advanced = request.putArray("advancedEventSelectors");
            for (AdvancedEventSelector selector : response.advancedEventSelectors()) {
                ArrayNode fields = advanced.addObject().put("name", selector.name()).putArray("fieldSelectors");
                for (AdvancedFieldSelector field : selector.fieldSelectors()) {
                    ObjectNode node = fields.addObject().put("field", field.field());
                    field.equalsValue().forEach(node.withArray("equals")::add);
                    field.notEquals().forEach(node.withArray("notEquals")::add);
                }
            }
            return request;
        }
        ArrayNode basic = request.putArray("eventSelectors");
        for (EventSelector selector : response.eventSelectors()) {
            ObjectNode node = basic.addObject();
            if (selector.readWriteType() != null) {
                node.put("readWriteType", selector.readWriteTypeAsString());
            }
            if (selector.includeManagementEvents() != null) {
                node.put("includeManagementEvents", selector.includeManagementEvents());
            }
            ArrayNode excluded = node.putArray("excludeManagementEventSources");
            selector.excludeManagementEventSources().forEach(excluded::add);
        }
        return request;
    }
}
