package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * Someone changed Watchpost's runtime settings: {@code PutParameter}, {@code DeleteParameter(s)} or
 * {@code LabelParameterVersion} on {@code /<prefix>/settings}, the parameter that holds the remediation modes and the
 * kill switch.
 *
 * <p>Why it matters: turning remediation off (or to {@code DRY_RUN}) lets an opened port stay open, with every later
 * alert saying so but nothing closing it. CRITICAL, naming the principal; LOW only when CloudFormation
 * made the call as the role that deploys Watchpost ({@link WatchpostDeploy}), which it does when the stack is created
 * or deleted. CloudTrail does not record a parameter's value ({@code Value} is a
 * sensitive field of PutParameter), so the finding cannot say what was set: each function logs the difference,
 * old → new, when it next reads the parameter (within a minute).
 */
public final class RuntimeSettingsChanged extends SuccessfulCallDetection {
    public static final String ID = "audit.settings-changed";

    private final String parameter;
    private final WatchpostDeploy deploys;

    public RuntimeSettingsChanged(DetectionParameters parameters) {
        super(ID);
        this.parameter = DetectionParameters.settingsParameter(parameters.namePrefix());
        this.deploys = new WatchpostDeploy(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        if (!event.eventSource().equals(AuditSources.SSM)) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        List<String> names = event.eventName().equals("DeleteParameters") ? Json.strings(request.path("names"))
                : List.of(Json.text(request, "name"));
        if (names.stream().map(RuntimeSettingsChanged::parameterName).noneMatch(parameter::equals)) {
            return List.of();
        }
        WatchpostDeploy.Kind kind = deploys.of(event);
        boolean deployment = kind == WatchpostDeploy.Kind.WATCHPOST_DEPLOY;
        String who = event.principal().displayName();
        return finding(event)
                .severity(deployment ? Severity.LOW : Severity.CRITICAL)
                .title("Watchpost runtime settings " + parameter + " changed: " + event.eventName() + " by " + who
                        + (deployment ? " (CloudFormation deployment)" : ""))
                .resource("AWS::SSM::Parameter", parameter)
                .context("parameter", parameter)
                .context("call", event.eventName())
                .context("labels", String.join(", ", Json.strings(request.path("labels"))))
                .context("value", "not recorded by CloudTrail; each function logs the difference (old → new) "
                        + "when it next reads the parameter, within a minute")
                .context("deployment", WatchpostDeploy.describe(kind, event))
                .buildList();
    }

    /**
     * The parameter's name from a name or an ARN ({@code arn:aws:ssm:region:account:parameter/watchpost/settings}:
     * the ARN drops the leading slash).
     */
    static String parameterName(String nameOrArn) {
        int marker = nameOrArn.indexOf(":parameter/");
        return marker >= 0 ? nameOrArn.substring(marker + ":parameter".length()) : nameOrArn;
    }
}
