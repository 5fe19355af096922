package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * SSM Run Command sent a document to instances ({@code SendCommand}).
 *
 * <p>Why it matters: Run Command executes as root or SYSTEM on every targeted instance with no inbound port, which
 * makes it a favourite for execution and lateral movement once someone holds {@code ssm:SendCommand} (T1651 Cloud
 * Administration Command; Stratus Red Team {@code aws.execution.ssm-send-command}). HIGH for documents that run the
 * caller's commands ({@code AWS-RunShellScript}, {@code AWS-RunPowerShellScript}) or reset access, LOW for other
 * AWS-owned documents (patching, inventory), MEDIUM for the account's own or shared documents
 * ({@link SsmDocuments#severity}). CloudTrail hides the parameters ({@code HIDDEN_DUE_TO_SECURITY_REASONS}), so the
 * commands themselves are only in the command's output or Session Manager/Run Command logging.
 *
 * <p>Known false positives: configuration management and deployment pipelines that use Run Command; patching
 * (reported at LOW).
 *
 * <p>Triage: is the principal a pipeline that normally sends this document? Read the command's parameters with
 * {@code aws ssm list-commands --command-id ID} and its output per instance. No remediation: a command has already
 * run by the time the alert arrives, and cancelling one is not a fix.
 */
public final class SsmCommandSent implements Detection {
    public static final String ID = "access.ssm-command-sent";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "SSM Run Command sent to instances", Severity.MEDIUM,
            Set.of("ssm.amazonaws.com"), Set.of("SendCommand"),
            List.of("Confirm the principal normally runs this document on these instances.",
                    "Read the command's parameters and output: aws ssm list-commands --command-id ID, then "
                            + "get-command-invocation per instance.",
                    "For a shell document from an unexpected principal, treat the instances as compromised."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        JsonNode command = Json.path(event.responseElements(), "command");
        String document = Json.text(request, "documentName");
        if (document.isEmpty()) {
            document = Json.text(command, "documentName");
        }
        List<String> instances = Json.strings(Json.path(request, "instanceIds"));
        if (instances.isEmpty()) {
            instances = Json.strings(Json.path(command, "instanceIds"));
        }
        List<String> targets = SsmDocuments.targets(Json.path(request, "targets"));
        String where = !instances.isEmpty() ? String.join(", ", instances)
                : !targets.isEmpty() ? String.join("; ", targets) : "instances";
        FindingBuilder finding = FindingBuilder.of(INFO, event)
                .severity(SsmDocuments.severity(document))
                .title("Run Command " + (document.isEmpty() ? "" : SsmDocuments.shortName(document) + " ")
                        + "sent to " + where)
                .context("document", document)
                .context("instanceIds", String.join(", ", instances))
                .context("targets", String.join("; ", targets))
                .context("commandId", Json.text(command, "commandId"))
                .context("comment", Json.text(request, "comment"));
        instances.forEach(id -> finding.resource(Resource.INSTANCE, id));
        return finding.buildList();
    }
}
