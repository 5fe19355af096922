package dev.watchpost.detect.hardening;

import dev.watchpost.detect.CatalogDetection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.audit.WatchpostDeploy;
import dev.watchpost.detect.audit.WatchpostRuleChange;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Optional;

/**
 * Someone disabled, deleted, retargeted or rewrote Watchpost's audit rule ({@code <prefix>-audit}), seen from the
 * hardening family.
 *
 * <p>Why it matters: the audit rule carries both the trail events and the tampering events; once it is disabled,
 * {@code StopLogging} and every later change to Watchpost go unseen. The audit family cannot be trusted to
 * report its own rule's change (the change may take effect before EventBridge matches the event), so this detection
 * lives in another family, whose rule routes the same EventBridge calls to another function. CRITICAL; LOW when
 * CloudFormation made the call while deploying Watchpost ({@link WatchpostDeploy}). When the audit
 * rule still delivered the event, {@code audit.detector-tampered} fires for it as well.
 */
public final class AuditRuleTampered extends CatalogDetection {
    public static final String ID = "hardening.audit-rule-tampered";

    private final String namePrefix;
    private final WatchpostDeploy deploys;

    public AuditRuleTampered(DetectionParameters parameters) {
        super(ID);
        this.namePrefix = parameters.namePrefix();
        this.deploys = new WatchpostDeploy(parameters);
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        Optional<WatchpostRuleChange> change = WatchpostRuleChange.of(event, namePrefix)
                .filter(rule -> rule.isRuleOf(Family.AUDIT, namePrefix));
        if (change.isEmpty()) {
            return List.of();
        }
        String rule = change.get().rule();
        WatchpostDeploy.Kind kind = deploys.of(event);
        boolean deployment = kind == WatchpostDeploy.Kind.WATCHPOST_DEPLOY;
        return finding(event)
                .severity(deployment ? Severity.LOW : Severity.CRITICAL)
                .title("Watchpost audit rule " + rule + " changed by " + change.get().call()
                        + (deployment ? " (CloudFormation deploy)" : ": trail changes may now go unseen"))
                .resource("AWS::Events::Rule", rule)
                .context("rule", rule)
                .context("call", change.get().call())
                .context("deployment", WatchpostDeploy.describe(kind, event))
                .buildList();
    }
}
