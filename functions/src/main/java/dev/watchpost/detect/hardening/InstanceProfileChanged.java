package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An instance got a new IAM instance profile.
 *
 * <p>Why it matters: attaching a powerful role to an instance you control is privilege escalation; anyone on
 * the instance can use its credentials. MEDIUM. {@code ReplaceIamInstanceProfileAssociation} names no instance in its
 * request (only the association), so the instance is taken from the response when present. The event name is
 * {@code ReplaceIamInstanceProfileAssociation}, not "ReplaceIamInstanceProfile" as some public rules have it.
 */
public final class InstanceProfileChanged extends SuccessfulCallDetection {
    public static final String ID = "hardening.instance-profile-changed";

    public InstanceProfileChanged() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        JsonNode association = Ec2Request.field(Ec2Request.response(event), "IamInstanceProfileAssociation");
        String instance = Ec2Request.text(request, "InstanceId");
        if (instance.isEmpty()) {
            instance = Json.text(association, "instanceId");
        }
        JsonNode profile = Ec2Request.field(request, "IamInstanceProfile");
        String profileName = Json.text(Json.anyOf(profile, "Arn", "arn", "Name", "name"));
        if (profileName.isEmpty()) {
            profileName = Json.text(association, "iamInstanceProfile", "arn");
        }
        return finding(event)
                .title("Instance profile " + (profileName.isEmpty() ? "" : profileName + " ") + "attached to "
                        + (instance.isEmpty() ? "an instance" : instance))
                .resource(Resource.INSTANCE, instance)
                .resource(Resource.INSTANCE_PROFILE, profileName)
                .context("instance", instance.isEmpty() ? "not recorded" : instance)
                .context("instanceProfile", profileName)
                .context("association", Ec2Request.text(request, "AssociationId"))
                .buildList();
    }
}
