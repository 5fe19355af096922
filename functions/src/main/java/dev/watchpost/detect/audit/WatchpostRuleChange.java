package dev.watchpost.detect.audit;

import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.Optional;
import java.util.Set;

/**
 * A successful EventBridge call that changes one of Watchpost's own rules ({@code <prefix>-<family>}), read in one
 * place for every detection that guards those rules: the audit family watches them all, and a second family watches
 * the audit rule, whose own change the audit rule may no longer deliver. Immutable.
 *
 * @param rule the rule's name (from a name or an ARN)
 * @param call the EventBridge call, e.g. {@code DisableRule}
 */
public record WatchpostRuleChange(String rule, String call) {
    public static final String SOURCE = AuditSources.EVENTS;
    /** The calls that stop, redirect or rewrite a rule. */
    public static final Set<String> CALLS = Set.of("DeleteRule", "DisableRule", "RemoveTargets", "PutRule",
            "PutTargets");

    /** The change, when the event is a successful rule call on a rule named {@code <prefix>-…}. */
    public static Optional<WatchpostRuleChange> of(CloudTrailEvent event, String namePrefix) {
        if (!event.succeeded() || !event.eventSource().equals(SOURCE) || !CALLS.contains(event.eventName())) {
            return Optional.empty();
        }
        String rule = ruleName(event);
        String prefix = namePrefix + "-";
        if (!rule.startsWith(prefix) || rule.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(new WatchpostRuleChange(rule, event.eventName()));
    }

    /** True when this is the rule that routes {@code family}'s events: {@code <prefix>-<family>}. */
    public boolean isRuleOf(Family family, String namePrefix) {
        return rule.equals(namePrefix + "-" + family.id());
    }

    /**
     * The rule named by the request: {@code name} (DeleteRule, DisableRule, PutRule) or {@code rule} (RemoveTargets,
     * PutTargets), given as a name or as an ARN ({@code arn:aws:events:…:rule/[bus/]NAME}).
     */
    static String ruleName(CloudTrailEvent event) {
        String value = Json.text(event.requestParameters(), "name");
        if (value.isEmpty()) {
            value = Json.text(event.requestParameters(), "rule");
        }
        return value.substring(value.lastIndexOf('/') + 1);
    }
}
