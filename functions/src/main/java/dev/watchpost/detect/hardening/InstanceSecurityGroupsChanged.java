package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The security groups of a running instance or network interface were replaced ({@code ModifyInstanceAttribute} or
 * {@code ModifyNetworkInterfaceAttribute} with {@code groupSet}).
 *
 * <p>Why it matters: attaching an existing, already-open group makes an instance reachable without any rule change,
 * so the security-group rule detections never fire (Elastic's rule on {@code groupSet.items.groupId}). LOW:
 * the event names the groups but cannot tell whether any of them is open; the finding says so and names them. Lives
 * in the hardening family with the other {@code ModifyInstanceAttribute} detection, so one function sees that event.
 * The request carries {@code groupSet.items[].groupId}; the CLI's {@code --attribute groupSet --value} form
 * ({@code attribute}/{@code value}) is read too.
 *
 * <p>Known false positives: deployments that swap groups during a release.
 */
public final class InstanceSecurityGroupsChanged extends SuccessfulCallDetection {
    public static final String ID = "hardening.instance-security-groups-changed";

    public InstanceSecurityGroupsChanged() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        List<String> groups = new ArrayList<>();
        for (JsonNode item : Json.items(Json.path(request, "groupSet"))) {
            String group = Json.text(item, "groupId");
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        if (groups.isEmpty() && Json.text(request, "attribute").equals("groupSet")) {
            groups.addAll(Json.strings(Json.path(request, "value")));
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        String instance = Json.text(request, "instanceId");
        String eni = Json.text(request, "networkInterfaceId");
        String target = !instance.isEmpty() ? instance : !eni.isEmpty() ? eni : "an instance";
        FindingBuilder finding = finding(event)
                .title("Security groups of " + target + " set to " + String.join(", ", groups))
                .resource(Resource.INSTANCE, instance)
                .resource("AWS::EC2::NetworkInterface", eni)
                .context("instanceId", instance)
                .context("networkInterfaceId", eni)
                .context("securityGroups", String.join(", ", groups))
                .context("note", "the event does not show whether these groups are open; check their rules");
        groups.forEach(group -> finding.resource(Resource.SECURITY_GROUP, group));
        return finding.buildList();
    }
}
