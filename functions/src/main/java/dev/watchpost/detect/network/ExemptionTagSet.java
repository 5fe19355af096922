package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Someone put Watchpost's exemption tag on a security group, so Watchpost will no longer close admin ports opened on
 * it. Whoever may tag a group may switch off its remediation: each exemption must be visible, with who set it and the
 * reason they wrote.
 *
 * <p>Seen wherever EC2 sets a security group's tags: {@code CreateTags} on {@code sg-} resources, and the tag
 * specifications of {@code CreateSecurityGroup} ({@code tagSpecificationSet.items[]{resourceType, tags}} with resource
 * type {@code security-group}, or the PascalCase {@code TagSpecification}; the response's {@code tagSet} too). No other
 * EC2 create call makes a security group; a tag on a security-group rule does not exempt anything (the remediation
 * reads the group's tags), so rule tag specifications are not watched.
 *
 * <p>Why it matters: an attacker who can tag and open a group can tag it first and open it a moment later (impair
 * defenses), or create the group already exempted. MEDIUM. The network function also remembers, within one
 * container, who set the tag, so the alert about the port opened next says when it was the same identity.
 *
 * <p>Known false positives: intended exemptions (bastions, test labs) — the reason is in the tag value.
 */
public final class ExemptionTagSet extends SuccessfulCallDetection {
    public static final String ID = "network.exemption-tag-set";

    private final String tagKey;

    public ExemptionTagSet(DetectionParameters parameters) {
        super(ID);
        this.tagKey = parameters.exemptTagKey();
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        Optional<TagWrite> write = event.eventName().equals("CreateSecurityGroup") ? fromCreateSecurityGroup(event)
                : fromCreateTags(event.requestParameters());
        if (write.isEmpty() || write.get().groups().isEmpty()) {
            return List.of();
        }
        List<String> groups = write.get().groups();
        FindingBuilder finding = finding(event)
                .title((groups.size() == 1 ? "Security group " + groups.getFirst() : groups.size() + " security groups")
                        + (write.get().atCreation() ? " created exempted" : " exempted")
                        + " from remediation by tag " + tagKey)
                .context("securityGroups", String.join(", ", groups))
                .context("tagKey", tagKey)
                .context("reason", write.get().value());
        groups.forEach(group -> finding.resource(Resource.SECURITY_GROUP, group));
        return finding.buildList();
    }

    /** The exemption tag's value and the security groups it was written on. */
    private record TagWrite(String value, List<String> groups, boolean atCreation) {}

    private Optional<TagWrite> fromCreateTags(JsonNode request) {
        Optional<String> value = valueIn(Json.anyOf(request, "tagSet", "TagSet", "Tags"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode resource : Json.items(Json.anyOf(request, "resourcesSet", "ResourcesSet", "Resources"))) {
            String id = Json.text(Json.anyOf(resource, "resourceId", "ResourceId"));
            if (id.startsWith("sg-")) {
                groups.add(id);
            }
        }
        return Optional.of(new TagWrite(value.get(), groups, false));
    }

    /** The tag from the request's security-group tag specifications, or else from the tags the response echoes. */
    private Optional<TagWrite> fromCreateSecurityGroup(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode wrapped = Json.anyOf(request, "CreateSecurityGroupRequest");
        JsonNode form = wrapped.isMissingNode() ? request : wrapped;
        Optional<String> value = Optional.empty();
        for (JsonNode spec : Json.items(Json.anyOf(form, "tagSpecificationSet", "TagSpecificationSet",
                "TagSpecification", "TagSpecifications", "tagSpecifications"))) {
            String type = Json.text(Json.anyOf(spec, "resourceType", "ResourceType"));
            if (type.isEmpty() || type.equals("security-group")) {
                value = valueIn(Json.anyOf(spec, "tags", "Tags", "Tag", "tagSet"));
                if (value.isPresent()) {
                    break;
                }
            }
        }
        JsonNode response = event.responseElements();
        JsonNode body = Json.anyOf(response, "CreateSecurityGroupResponse").isMissingNode() ? response
                : Json.anyOf(response, "CreateSecurityGroupResponse");
        if (value.isEmpty()) {
            value = valueIn(Json.anyOf(body, "tagSet", "TagSet"));
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String groupId = Json.text(Json.anyOf(body, "groupId", "GroupId"));
        String name = Json.text(Json.anyOf(form, "groupName", "GroupName"));
        String group = !groupId.isBlank() ? groupId : name;
        return Optional.of(new TagWrite(value.get(), group.isBlank() ? List.of() : List.of(group), true));
    }

    /** The exemption tag's value among these tags (the last one wins, as EC2 keeps one value per key). */
    private Optional<String> valueIn(JsonNode tags) {
        String value = null;
        for (JsonNode tag : Json.items(tags)) {
            if (tagKey.equals(Json.text(Json.anyOf(tag, "key", "Key")))) {
                value = Json.text(Json.anyOf(tag, "value", "Value"));
            }
        }
        return Optional.ofNullable(value);
    }
}
