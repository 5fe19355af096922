package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * An EC2 Instance Connect Endpoint was deleted.
 *
 * <p>Why it matters: removing an endpoint right after using it can hide a tunnel's path (T1070). LOW: usually
 * housekeeping. Reads the wrapped PascalCase request and a flat camelCase one.
 *
 * <p>Triage: were tunnels opened through it shortly before? Was the deletion planned?
 */
public final class InstanceConnectEndpointDeleted implements Detection {
    public static final String ID = "access.instance-connect-endpoint-deleted";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "EC2 Instance Connect Endpoint deleted", Severity.LOW,
            Set.of("ec2.amazonaws.com"), Set.of("DeleteInstanceConnectEndpoint"),
            List.of("Look for OpenTunnel calls through this endpoint shortly before the deletion.",
                    "Confirm the deletion was planned."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = Json.anyOf(event.requestParameters(), "DeleteInstanceConnectEndpointRequest",
                "deleteInstanceConnectEndpointRequest");
        if (request.isMissingNode()) {
            request = event.requestParameters();
        }
        String endpointId = Json.text(Json.anyOf(request, "InstanceConnectEndpointId", "instanceConnectEndpointId"));
        return FindingBuilder.of(INFO, event)
                .title("EC2 Instance Connect Endpoint " + (endpointId.isEmpty() ? "" : endpointId + " ") + "deleted")
                .resource(Resource.INSTANCE_CONNECT_ENDPOINT, endpointId)
                .context("endpoint", endpointId)
                .buildList();
    }
}
