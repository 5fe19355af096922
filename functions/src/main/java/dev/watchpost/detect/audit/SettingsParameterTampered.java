package dev.watchpost.detect.audit;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * Someone wrote or deleted Watchpost's settings parameter ({@code /<prefix>/settings}, {@link WatchpostResources}).
 *
 * <p>Why it matters: the runtime settings decide remediation modes and exemptions; writing them can turn every
 * remediation off or exempt an attacker's resources without touching the stack (T1562.001). CRITICAL; LOW when
 * CloudFormation made the call while deploying Watchpost ({@link WatchpostDeploy}). An operator changing settings on
 * purpose also raises it: that is the point, a change of the detector's behaviour is always announced. The value is
 * not read (CloudTrail leaves a SecureString's value out, and a plain one may hold anything).
 *
 * <p>Triage: was the change announced? If not, restore the previous version ({@code aws ssm get-parameter-history})
 * and treat the principal as compromised.
 */
public final class SettingsParameterTampered implements Detection {
    public static final String ID = "audit.settings-tampered";

    private static final Set<String> CALLS = Set.of("PutParameter", "DeleteParameter", "DeleteParameters");

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "Watchpost's settings parameter was changed", Severity.CRITICAL, Set.of(AuditSources.SSM), CALLS,
            List.of("Ask whoever changed the settings whether the change was intended and announced.",
                    "If not, restore the previous version (aws ssm get-parameter-history, aws ssm put-parameter).",
                    "Treat the principal as compromised."));

    private final WatchpostResources own;
    private final WatchpostDeploy deploys;

    public SettingsParameterTampered(DetectionParameters parameters) {
        this.own = new WatchpostResources(parameters);
        this.deploys = new WatchpostDeploy(parameters);
    }

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded() || !event.eventSource().equals(AuditSources.SSM) || !CALLS.contains(event.eventName())) {
            return List.of();
        }
        List<String> names = event.eventName().equals("DeleteParameters")
                ? Json.strings(Json.path(event.requestParameters(), "names"))
                : List.of(Json.text(event.requestParameters(), "name"));
        return names.stream().filter(own::isSettingsParameter).findFirst()
                .map(name -> new OwnResourceChange("AWS::SSM::Parameter", "settings parameter", name,
                        event.eventName()).finding(INFO, event, deploys, Severity.CRITICAL))
                .orElse(List.of());
    }
}
