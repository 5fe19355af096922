package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An SSM Automation runbook was started ({@code StartAutomationExecution}).
 *
 * <p>Why it matters: an Automation runbook acts with its assume role, often broader than the caller's own, and can
 * run commands on instances ({@code aws:runCommand}, {@code aws:executeScript}) or reset their access
 * ({@code AWSSupport-ResetAccess}): execution and privilege escalation through a service. Severity follows
 * {@link SsmDocuments#severity}: HIGH for access resets, LOW for other AWS-owned runbooks, MEDIUM for the account's
 * own or shared ones. The request's {@code parameters} may name an instance ({@code InstanceId}) and the role
 * ({@code AutomationAssumeRole}); both are reported when present.
 *
 * <p>Known false positives: AWS Config remediations and scheduled maintenance run AWS-owned runbooks (LOW).
 */
public final class SsmAutomationStarted extends SuccessfulCallDetection {
    public static final String ID = "access.ssm-automation-started";

    public SsmAutomationStarted() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        String document = Json.text(request, "documentName");
        JsonNode parameters = Json.path(request, "parameters");
        List<String> instances = Json.strings(Json.anyOf(parameters, "InstanceId", "instanceId", "InstanceIds"));
        List<String> targets = SsmDocuments.targets(request);
        return finding(event)
                .severity(SsmDocuments.severity(document))
                .title("Automation runbook " + (document.isEmpty() ? "" : SsmDocuments.shortName(document) + " ")
                        + "started" + (instances.isEmpty() ? "" : " on " + String.join(", ", instances)))
                .resource("AWS::SSM::Document", document)
                .context("document", document)
                .context("instanceIds", String.join(", ", instances))
                .context("targets", String.join("; ", targets))
                .context("assumeRole", String.join(", ", Json.strings(Json.path(parameters, "AutomationAssumeRole"))))
                .context("executionId", Json.text(event.responseElements(), "automationExecutionId"))
                .buildList();
    }
}
