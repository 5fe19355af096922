package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
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
        String document = Json.text(request, "name");
        if (document.isEmpty()) {
            document = Json.text(description, "name");
        }
        List<String> instances = new ArrayList<>(Json.strings(Json.path(request, "instanceId")));
        List<String> targets = SsmDocuments.targets(Json.path(request, "targets"));
        String schedule = Json.text(request, "scheduleExpression");
        String where = !instances.isEmpty() ? String.join(", ", instances)
                : !targets.isEmpty() ? String.join("; ", targets) : "instances";
        FindingBuilder finding = finding(event)
                .severity(SsmDocuments.severity(document))
                .title("State Manager association runs " + (document.isEmpty() ? "a document"
                        : SsmDocuments.shortName(document)) + " on " + where
                        + (schedule.isEmpty() ? "" : " (" + schedule + ")"))
                .context("document", document)
                .context("instanceIds", String.join(", ", instances))
                .context("targets", String.join("; ", targets))
                .context("schedule", schedule)
                .context("associationName", Json.text(request, "associationName"))
                .context("associationId", Json.text(description, "associationId"));
        instances.forEach(id -> finding.resource(Resource.INSTANCE, id));
        return finding.buildList();
    }
}
