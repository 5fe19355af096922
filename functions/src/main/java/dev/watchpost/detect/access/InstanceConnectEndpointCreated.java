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
 * An EC2 Instance Connect Endpoint was created: a new way to reach private instances over SSH/RDP without a bastion
 * or public IP.
 *
 * <p>Why it matters: an endpoint turns IAM permissions into network reach into a subnet. MEDIUM. The request
 * shape is only inferred from EC2 conventions, so both the wrapped PascalCase form
 * ({@code CreateInstanceConnectEndpointRequest.SubnetId}) and a flat camelCase form are read.
 *
 * <p>Known false positives: platform teams replacing bastions.
 */
public final class InstanceConnectEndpointCreated extends SuccessfulCallDetection {
    public static final String ID = "access.instance-connect-endpoint-created";

    public InstanceConnectEndpointCreated() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        JsonNode endpoint = Ec2Request.field(Ec2Request.response(event), "InstanceConnectEndpoint");
        String endpointId = Json.text(Json.anyOf(endpoint, "instanceConnectEndpointId", "InstanceConnectEndpointId"));
        String subnet = Ec2Request.text(request, "SubnetId");
        List<String> groups = Json.strings(Json.anyOf(request, "SecurityGroupId", "SecurityGroupIds",
                "securityGroupId", "securityGroupIds"));
        String preserve = Ec2Request.text(request, "PreserveClientIp");
        if (preserve.isEmpty()) {
            preserve = Json.text(Json.anyOf(endpoint, "preserveClientIp", "PreserveClientIp"));
        }
        return finding(event)
                .title("EC2 Instance Connect Endpoint " + (endpointId.isEmpty() ? "" : endpointId + " ")
                        + "created" + (subnet.isEmpty() ? "" : " in " + subnet))
                .resource(Resource.INSTANCE_CONNECT_ENDPOINT, endpointId)
                .resource(Resource.SUBNET, subnet)
                .context("endpoint", endpointId)
                .context("subnet", subnet)
                .context("securityGroups", String.join(", ", groups))
                .context("preserveClientIp", preserve)
                .buildList();
    }
}
