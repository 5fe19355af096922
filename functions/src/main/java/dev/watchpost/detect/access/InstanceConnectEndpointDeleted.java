package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An EC2 Instance Connect Endpoint was deleted.
 *
 * <p>Why it matters: removing an endpoint right after using it can hide a tunnel's path. LOW: usually
 * housekeeping. Reads the wrapped PascalCase request and a flat camelCase one.
 */
public final class InstanceConnectEndpointDeleted extends SuccessfulCallDetection {
    public static final String ID = "access.instance-connect-endpoint-deleted";

    public InstanceConnectEndpointDeleted() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        String endpointId = Json.text(Json.anyOf(request, "InstanceConnectEndpointId", "instanceConnectEndpointId"));
        return finding(event)
                .title("EC2 Instance Connect Endpoint " + (endpointId.isEmpty() ? "" : endpointId + " ") + "deleted")
                .resource(Resource.INSTANCE_CONNECT_ENDPOINT, endpointId)
                .context("endpoint", endpointId)
                .buildList();
    }
}
