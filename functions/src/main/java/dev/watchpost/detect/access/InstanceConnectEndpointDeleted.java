package dev.watchpost.detect.access;

import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.NamedResourceDetection;
import dev.watchpost.detect.Resource;
import dev.watchpost.event.Ec2Request;
import java.util.function.UnaryOperator;

/**
 * An EC2 Instance Connect Endpoint was deleted.
 *
 * <p>Why it matters: removing an endpoint right after using it can hide a tunnel's path. LOW: usually
 * housekeeping. Reads the wrapped PascalCase request and a flat camelCase one.
 */
public final class InstanceConnectEndpointDeleted extends NamedResourceDetection {
    public static final String ID = "access.instance-connect-endpoint-deleted";
    private static final NamedResource ENDPOINT = new NamedResource(Resource.INSTANCE_CONNECT_ENDPOINT,
            event -> Ec2Request.text(Ec2Request.request(event), "InstanceConnectEndpointId"), "endpoint",
            UnaryOperator.identity());

    public InstanceConnectEndpointDeleted() {
        super(ID, ENDPOINT, "EC2 Instance Connect Endpoint {} deleted");
    }
}
