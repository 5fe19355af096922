package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a snapshot's {@code createVolumePermission} or an image's {@code launchPermission} change adds: everyone
 * ({@code group: all}), accounts ({@code userId}), or organizations and OUs ({@code organizationArn},
 * {@code organizationalUnitArn}). CloudTrail records {@code <attribute>.add.items[]} (seen in public samples); the
 * flat query form ({@code operationType: add} with {@code userGroup}/{@code userId}) is read as a fallback. Removals
 * grant nothing and read as empty. The finding of a grant is the same for both, so it is written here once.
 *
 * @param everyone      the attribute now includes the {@code all} group: public
 * @param principals    accounts, organizations and OUs added
 */
record PermissionGrants(boolean everyone, List<String> principals) {
    PermissionGrants {
        principals = List.copyOf(principals);
    }

    boolean isEmpty() {
        return !everyone && principals.isEmpty();
    }

    /**
     * {@code finding} about these grants on the resource {@code id}: HIGH when public, MEDIUM when shared with
     * principals; the title, the resource and the facts ({@code idKey}, {@code public}, {@code sharedWith}) say which.
     *
     * @param word what people call the resource in a title, e.g. {@code Snapshot}
     * @param type its resource type, e.g. {@code AWS::EC2::Snapshot}
     */
    FindingBuilder describe(FindingBuilder finding, String word, String type, String idKey, String id) {
        return finding.severity(everyone ? Severity.HIGH : Severity.MEDIUM)
                .title(word + " " + (id.isEmpty() ? "" : id + " ")
                        + (everyone ? "made public" : "shared with " + String.join(", ", principals)))
                .resource(type, id)
                .context(idKey, id)
                .context("public", String.valueOf(everyone))
                .context("sharedWith", String.join(", ", principals));
    }

    static PermissionGrants read(JsonNode request, String attribute) {
        boolean everyone = false;
        List<String> principals = new ArrayList<>();
        for (JsonNode item : Json.items(Json.path(request, attribute, "add"))) {
            everyone |= Json.text(item, "group").equalsIgnoreCase("all");
            for (String key : List.of("userId", "organizationArn", "organizationalUnitArn")) {
                String value = Json.text(item, key);
                if (!value.isEmpty()) {
                    principals.add(value);
                }
            }
        }
        if (Json.text(request, "operationType").equalsIgnoreCase("add")) {
            everyone |= Json.strings(Json.anyOf(request, "userGroup", "groupNames")).stream()
                    .anyMatch(group -> group.equalsIgnoreCase("all"));
            principals.addAll(Json.strings(Json.anyOf(request, "userId", "userIds")));
        }
        return new PermissionGrants(everyone, principals);
    }
}
