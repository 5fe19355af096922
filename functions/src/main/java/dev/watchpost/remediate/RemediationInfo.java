package dev.watchpost.remediate;

import java.util.List;
import java.util.Objects;

/**
 * What a remediation is, known without building it: infra reads this to grant exactly {@link #iamActions()} to the
 * function that runs the detection, so it is the single source of truth for permissions.
 *
 * @param id          public id, e.g. {@code revoke-security-group-rules}
 * @param detectionId the detection it answers
 * @param iamActions  exactly the IAM actions it calls
 * @param defaultMode the mode when configuration says nothing
 */
public record RemediationInfo(String id, String detectionId, List<String> iamActions, RemediationMode defaultMode) {
    public RemediationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detectionId, "detectionId");
        Objects.requireNonNull(defaultMode, "defaultMode");
        iamActions = List.copyOf(iamActions);
        if (iamActions.isEmpty()) {
            throw new IllegalArgumentException("remediation " + id + " declares no IAM action");
        }
    }
}
