package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * Someone disabled, scheduled for deletion, re-policied or stopped rotating the KMS key that encrypts Watchpost's alert
 * topic, granted its use, or moved or deleted its alias.
 *
 * <p>Why it matters: SNS cannot publish to a topic whose key is disabled, pending deletion or closed to it by its
 * policy, so one {@code kms:DisableKey} silences every alert and every alarm at once, and nothing else notices
 * (T1562.001). CRITICAL for {@code DisableKey}, {@code ScheduleKeyDeletion}, {@code PutKeyPolicy},
 * {@code DisableKeyRotation}, {@code DeleteAlias} and {@code UpdateAlias} of {@code alias/<prefix>-…}; HIGH for
 * {@code CreateGrant}, which lets another principal use the key but cannot stop an alert. LOW when CloudFormation made
 * the call while deploying Watchpost ({@link WatchpostDeploy}). {@code CancelKeyDeletion} and {@code EnableKey} undo
 * the harm and are not watched.
 *
 * <p>How the key is recognised: by the ARN the stack passes in ({@code WATCHPOST_ALERT_KEY_ARN}), compared with the
 * request's {@code keyId} (a key id, key ARN, alias name or alias ARN) and with the key ARNs CloudTrail lists in
 * {@code resources}; by its alias when the request names the key that way. Without the ARN (an offline scan that was
 * not given it) only calls naming the alias are recognised.
 *
 * <p>Triage: a deployment under way? If not: {@code aws kms cancel-key-deletion} and {@code enable-key} at once, restore
 * the key policy from the stack (redeploy), revoke unknown grants; then treat the principal as compromised and review
 * what happened while alerts were silent (CloudTrail event history).
 */
public final class AlertKeyTampered extends SuccessfulCallDetection {
    public static final String ID = "audit.alert-key-tampered";

    private static final Set<String> KEY_CALLS = Set.of("DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy",
            "DisableKeyRotation", "CreateGrant");
    private static final Set<String> ALIAS_CALLS = Set.of("DeleteAlias", "UpdateAlias");

    private final WatchpostResources own;
    private final WatchpostDeploy deploys;

    public AlertKeyTampered(DetectionParameters parameters) {
        super(ID);
        this.own = new WatchpostResources(parameters);
        this.deploys = new WatchpostDeploy(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String call = event.eventName();
        if (!event.eventSource().equals(AuditSources.KMS)) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        if (ALIAS_CALLS.contains(call)) {
            String alias = Json.text(request, "aliasName");
            return own.isOwnAlias(alias)
                    ? new OwnResourceChange("AWS::KMS::Alias", "alert key alias", alias, call)
                            .finding(info(), event, deploys, Severity.CRITICAL)
                    : List.of();
        }
        if (!KEY_CALLS.contains(call)) {
            return List.of();
        }
        String keyId = Json.text(request, "keyId");
        boolean alertKey = own.isAlertKey(keyId) || Json.items(Json.path(event.detail(), "resources")).stream()
                .map(resource -> Json.text(resource, "ARN"))
                .anyMatch(own::isAlertKey);
        if (!alertKey) {
            return List.of();
        }
        return new OwnResourceChange("AWS::KMS::Key", "alert key", keyId, call)
                .finding(info(), event, deploys, call.equals("CreateGrant") ? Severity.HIGH : Severity.CRITICAL);
    }
}
