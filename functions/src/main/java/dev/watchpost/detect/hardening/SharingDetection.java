package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A detection of a call that shares a resource by adding to one of its permission attributes (an image's
 * {@code launchPermission}, a snapshot's {@code createVolumePermission}): it fires when the call grants anyone, and
 * the finding says whom ({@link PermissionGrants}). The detections differ only in their words, so the logic is here
 * once; one with more to carry adds it in {@link #describe}. Immutable.
 */
abstract class SharingDetection extends SuccessfulCallDetection {
    private final String attribute;
    private final String word;
    private final String type;
    private final String idParameter;

    /**
     * @param attribute   the permission attribute the call changes, e.g. {@code launchPermission}
     * @param word        what people call the resource in a title, e.g. {@code AMI}
     * @param type        its resource type, e.g. {@code AWS::EC2::Image}
     * @param idParameter the request parameter naming it, also the finding's context key, e.g. {@code imageId}
     */
    SharingDetection(String id, String attribute, String word, String type, String idParameter) {
        super(id);
        this.attribute = attribute;
        this.word = word;
        this.type = type;
        this.idParameter = idParameter;
    }

    @Override
    protected final List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        PermissionGrants grants = PermissionGrants.read(event.requestParameters(), attribute);
        if (grants.isEmpty()) {
            return List.of();
        }
        String resource = Json.text(event.requestParameters(), idParameter);
        return describe(resource, grants, grants.describe(finding(event), word, type, idParameter, resource))
                .buildList();
    }

    /** The finding with what this detection adds about {@code resource}; nothing unless it says. */
    FindingBuilder describe(String resource, PermissionGrants grants, FindingBuilder finding) {
        return finding;
    }
}
