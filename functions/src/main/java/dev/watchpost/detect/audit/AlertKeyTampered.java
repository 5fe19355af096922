package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * Someone disabled, scheduled for deletion, re-policied or stopped rotating the KMS key that encrypts Watchpost's alert
 * topic, granted its use, or moved or deleted its alias.
 *
 * <p>Why it matters: SNS cannot publish to a topic whose key is disabled, pending deletion or closed to it by its
 * policy, so one {@code kms:DisableKey} silences every alert and every alarm at once, and nothing else notices.
 * CRITICAL for {@code DisableKey}, {@code ScheduleKeyDeletion}, {@code PutKeyPolicy},
 * {@code DisableKeyRotation}, {@code DeleteAlias} and {@code UpdateAlias} of {@code alias/<prefix>-…}; HIGH for
 * {@code CreateGrant}, which lets another principal use the key but cannot stop an alert. LOW when CloudFormation made
 * the call while deploying Watchpost ({@link WatchpostDeploy}). {@code CancelKeyDeletion} and {@code EnableKey} undo
 * the harm and are not watched.
 *
 * <p>How the key is recognised: by the ARN the stack passes in ({@code WATCHPOST_ALERT_KEY_ARN}), compared with the
 * request's {@code keyId} (a key id, key ARN, alias name or alias ARN) and with the key ARNs CloudTrail lists in
 * {@code resources}; by its alias when the request names the key that way. Without the ARN (an offline scan that was
 * not given it) only calls naming the alias are recognised.
 */
public final class AlertKeyTampered extends OwnResourceDetection {
    public static final String ID = "audit.alert-key-tampered";

    private static final Set<String> ALIAS_CALLS = Set.of("DeleteAlias", "UpdateAlias");

    public AlertKeyTampered(DetectionParameters parameters) {
        super(ID, parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String call = event.eventName();
        if (!watches(event)) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        if (ALIAS_CALLS.contains(call)) {
            String alias = Json.text(request, "aliasName");
            return own.isOwnAlias(alias)
                    ? finding(new OwnResourceChange("AWS::KMS::Alias", "alert key alias", alias, call), event,
                            Severity.CRITICAL)
                    : List.of();
        }
        String keyId = Json.text(request, "keyId");
        boolean alertKey = own.isAlertKey(keyId) || Json.items(Json.path(event.detail(), "resources")).stream()
                .map(resource -> Json.text(resource, "ARN"))
                .anyMatch(own::isAlertKey);
        if (!alertKey) {
            return List.of();
        }
        return finding(new OwnResourceChange("AWS::KMS::Key", "alert key", keyId, call), event,
                call.equals("CreateGrant") ? Severity.HIGH : Severity.CRITICAL);
    }
}
