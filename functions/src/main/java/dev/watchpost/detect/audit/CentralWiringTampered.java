package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Someone changed what carries an organization's events to Watchpost: the central bus ({@code <prefix>}) or its
 * policy, the bus's archive ({@code <prefix>-…}), or the StackSets that roll out the member roles and forwarders
 * ({@code <prefix>-member-roles}, {@code <prefix>-forwarder}); see {@link WatchpostResources}.
 *
 * <p>Why it matters: removing the bus policy's statement or deleting the bus drops every member account's events at
 * once; deleting a StackSet's instances removes the forwarders of whole accounts; an updated StackSet can rewrite
 * every member role. CRITICAL; LOW when CloudFormation made the call while deploying Watchpost
 * ({@link WatchpostDeploy}). {@code PutPermission} and {@code RemovePermission} without {@code eventBusName} concern
 * the default bus and are not Watchpost's.
 */
public final class CentralWiringTampered extends OwnResourceDetection {
    public static final String ID = "audit.central-wiring-tampered";

    private static final Set<String> BUS_CALLS = Set.of("DeleteEventBus", "UpdateEventBus", "PutPermission",
            "RemovePermission");
    private static final Set<String> STACK_SET_CALLS = Set.of("DeleteStackSet", "UpdateStackSet",
            "DeleteStackInstances");

    public CentralWiringTampered(DetectionParameters parameters) {
        super(ID, parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        return change(event).map(change -> finding(change, event, Severity.CRITICAL))
                .orElse(List.of());
    }

    private Optional<OwnResourceChange> change(CloudTrailEvent event) {
        String call = event.eventName();
        JsonNode request = event.requestParameters();
        if (event.eventSource().equals(AuditSources.CLOUDFORMATION)) {
            String stackSet = Json.text(request, "stackSetName");
            return STACK_SET_CALLS.contains(call) && own.isStackSet(stackSet)
                    ? Optional.of(new OwnResourceChange("AWS::CloudFormation::StackSet", "StackSet", stackSet, call))
                    : Optional.empty();
        }
        if (!event.eventSource().equals(AuditSources.EVENTS)) {
            return Optional.empty();
        }
        if (call.equals("DeleteArchive")) {
            String archive = Json.text(request, "archiveName");
            return own.isNamed(archive)
                    ? Optional.of(new OwnResourceChange("AWS::Events::Archive", "archive", archive, call))
                    : Optional.empty();
        }
        // DeleteEventBus and UpdateEventBus name the bus in "name", PutPermission and RemovePermission in
        // "eventBusName" (absent: the default bus).
        String bus = Json.text(request, call.startsWith("Delete") || call.startsWith("Update") ? "name"
                : "eventBusName");
        return BUS_CALLS.contains(call) && own.isCentralBus(bus)
                ? Optional.of(new OwnResourceChange("AWS::Events::EventBus", "central bus", bus, call))
                : Optional.empty();
    }
}
