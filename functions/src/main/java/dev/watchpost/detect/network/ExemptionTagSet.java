package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Someone put Watchpost's exemption tag on a security group, so Watchpost will no longer close admin ports opened on
 * it. Whoever may tag a group may switch off its remediation: each exemption must be visible, with who set it and the
 * reason they wrote.
 *
 * <p>Why it matters: an attacker who can tag and open a group can tag it first and open it a moment later (T1562,
 * impair defenses). MEDIUM. The network function also remembers, within one container, who set the tag, so the alert
 * about the port opened next says when it was the same principal.
 *
 * <p>Known false positives: intended exemptions (bastions, test labs) — the reason is in the tag value.
 *
 * <p>Triage: is the principal allowed to exempt groups? Does the reason make sense? Is the group open right now?
 */
public final class ExemptionTagSet implements Detection {
    public static final String ID = "network.exemption-tag-set";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.NETWORK,
            "Security group exempted from remediation", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"), Set.of("CreateTags"),
            List.of("Check that the principal may exempt security groups and that the reason in the tag holds.",
                    "Look at the group's ingress rules now: an admin port open to the internet stays open.",
                    "Remove the tag if the exemption is not wanted: Watchpost acts on the next change."));

    private final String tagKey;

    public ExemptionTagSet(DetectionParameters parameters) {
        this.tagKey = parameters.exemptTagKey();
    }

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        String value = null;
        for (JsonNode tag : Json.items(Json.anyOf(request, "tagSet", "TagSet", "Tags"))) {
            if (tagKey.equals(Json.text(Json.anyOf(tag, "key", "Key")))) {
                value = Json.text(Json.anyOf(tag, "value", "Value"));
            }
        }
        if (value == null) {
            return List.of();
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode resource : Json.items(Json.anyOf(request, "resourcesSet", "ResourcesSet", "Resources"))) {
            String id = Json.text(Json.anyOf(resource, "resourceId", "ResourceId"));
            if (id.startsWith("sg-")) {
                groups.add(id);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        FindingBuilder finding = FindingBuilder.of(INFO, event)
                .title((groups.size() == 1 ? "Security group " + groups.getFirst() : groups.size() + " security groups")
                        + " exempted from remediation by tag " + tagKey)
                .context("securityGroups", String.join(", ", groups))
                .context("tagKey", tagKey)
                .context("reason", value);
        groups.forEach(group -> finding.resource(Resource.SECURITY_GROUP, group));
        return finding.buildList();
    }
}
