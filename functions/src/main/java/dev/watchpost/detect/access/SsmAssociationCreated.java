package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An SSM State Manager association was created ({@code CreateAssociation}): a document that runs on instances now
 * and again on a schedule, and on every new instance the targets match.
 *
 * <p>Why it matters: an association is persistent execution; one with {@code AWS-RunShellScript} and a tag target
 * reaches instances that do not exist yet (persistence in the manner of Scheduled Task). Severity follows
 * {@link SsmDocuments#severity}: HIGH for documents running the caller's commands, LOW for other AWS-owned documents
 * (inventory, agent updates, patching), MEDIUM otherwise. The association's name, id and schedule come from the
 * request or the response's {@code associationDescription}.
 *
 * <p>Known false positives: Quick Setup and Systems Manager default host management create AWS-owned associations
 * (LOW).
 */
public final class SsmAssociationCreated extends SuccessfulCallDetection {
    public static final String ID = "access.ssm-association-created";

    public SsmAssociationCreated() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode description = Json.path(event.responseElements(), "associationDescription");
        String document = Json.firstText("name", request, description);
        SsmRun run = new SsmRun(document, Json.strings(Json.path(request, "instanceId")),
                SsmDocuments.targets(request));
        String schedule = Json.text(request, "scheduleExpression");
        return run.describe(finding(event))
                .title("State Manager association runs " + (document.isEmpty() ? "a document"
                        : SsmDocuments.shortName(document)) + " on " + run.where()
                        + (schedule.isEmpty() ? "" : " (" + schedule + ")"))
                .context("schedule", schedule)
                .context("associationName", Json.text(request, "associationName"))
                .context("associationId", Json.text(description, "associationId"))
                .buildList();
    }
}
