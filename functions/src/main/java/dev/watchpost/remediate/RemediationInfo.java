package dev.watchpost.remediate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a remediation is, known without building it: infra reads this to grant exactly {@link #iamActions()} to the
 * function that runs the detection, so it is the single source of truth for permissions.
 *
 * @param id          public id, e.g. {@code revoke-security-group-rules}
 * @param detectionId the detection it answers
 * @param iamActions  exactly the IAM actions it calls
 * @param defaultMode the mode when configuration says nothing
 * @param resources   per action, the narrowest resource ARN patterns IAM checks for it (several when a call names
 *                    resources of several types, e.g. a security group and its rules), with {@code {partition}},
 *                    {@code {region}} and {@code {account}} placeholders; an action not listed can only be granted on
 *                    {@code *} (IAM supports no resource-level permission for it)
 */
public record RemediationInfo(String id, String detectionId, List<String> iamActions, RemediationMode defaultMode,
                              Map<String, List<String>> resources) {
    /** Where IAM cannot scope an action to a resource. */
    public static final String ANY_RESOURCE = "*";

    public RemediationInfo(String id, String detectionId, List<String> iamActions, RemediationMode defaultMode) {
        this(id, detectionId, iamActions, defaultMode, Map.of());
    }

    public RemediationInfo {
        resources = Map.copyOf(resources);
        resources.values().forEach(patterns -> {
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("remediation " + id + " scopes an action to no resource");
            }
        });
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detectionId, "detectionId");
        Objects.requireNonNull(defaultMode, "defaultMode");
        iamActions = List.copyOf(iamActions);
        if (iamActions.isEmpty()) {
            throw new IllegalArgumentException("remediation " + id + " declares no IAM action");
        }
        for (String action : resources.keySet()) {
            if (!iamActions.contains(action)) {
                throw new IllegalArgumentException("remediation " + id + " scopes undeclared action " + action);
            }
        }
    }

    /** The resource patterns to grant {@code action} on: its declared ARN patterns, or {@link #ANY_RESOURCE}. */
    public List<String> resourcesFor(String action) {
        return List.copyOf(resources.getOrDefault(action, List.of(ANY_RESOURCE)));
    }
}
