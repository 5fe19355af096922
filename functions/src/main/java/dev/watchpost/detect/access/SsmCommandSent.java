package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * SSM Run Command sent a document to instances ({@code SendCommand}).
 *
 * <p>Why it matters: Run Command executes as root or SYSTEM on every targeted instance with no inbound port, which
 * makes it a favourite for execution and lateral movement once someone holds {@code ssm:SendCommand} (Cloud
 * Administration Command; Stratus Red Team {@code aws.execution.ssm-send-command}). HIGH for documents that run the
 * caller's commands ({@code AWS-RunShellScript}, {@code AWS-RunPowerShellScript}) or reset access, LOW for other
 * AWS-owned documents (patching, inventory), MEDIUM for the account's own or shared documents
 * ({@link SsmDocuments#severity}). CloudTrail hides the parameters ({@code HIDDEN_DUE_TO_SECURITY_REASONS}), so the
 * commands themselves are only in the command's output or Session Manager/Run Command logging.
 *
 * <p>Known false positives: configuration management and deployment pipelines that use Run Command; patching
 * (reported at LOW).
 */
public final class SsmCommandSent extends SuccessfulCallDetection {
    public static final String ID = "access.ssm-command-sent";

    public SsmCommandSent() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode command = Json.path(event.responseElements(), "command");
        String document = Json.firstText("documentName", request, command);
        List<String> instances = Json.strings(Json.path(request, "instanceIds"));
        if (instances.isEmpty()) {
            instances = Json.strings(Json.path(command, "instanceIds"));
        }
        SsmRun run = new SsmRun(document, instances, SsmDocuments.targets(request));
        return run.describe(finding(event))
                .title("Run Command " + (document.isEmpty() ? "" : SsmDocuments.shortName(document) + " ")
                        + "sent to " + run.where())
                .context("commandId", Json.text(command, "commandId"))
                .context("comment", Json.text(request, "comment"))
                .buildList();
    }
}
