package dev.watchpost.detect.access;

import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import java.util.List;

/**
 * What one SSM run reaches: its document, the instances named and the targets. The part of a finding that Run Command
 * and State Manager share, so both rate the document and say where it runs the same way. Immutable.
 *
 * @param document  the document's name or ARN ("" when the event does not say)
 * @param instances instance ids named by the request or its response
 * @param targets   targets as {@code key=v1,v2} strings
 */
record SsmRun(String document, List<String> instances, List<String> targets) {
    SsmRun {
        instances = List.copyOf(instances);
        targets = List.copyOf(targets);
    }

    /** Where it runs, for a title: the instances, else the targets, else "instances". */
    String where() {
        return !instances.isEmpty() ? String.join(", ", instances)
                : !targets.isEmpty() ? String.join("; ", targets) : "instances";
    }

    /** {@code finding} rated by the document, with the document, instances and targets as facts and resources. */
    FindingBuilder describe(FindingBuilder finding) {
        finding.severity(SsmDocuments.severity(document))
                .context("document", document)
                .context("instanceIds", String.join(", ", instances))
                .context("targets", String.join("; ", targets));
        instances.forEach(id -> finding.resource(Resource.INSTANCE, id));
        return finding;
    }
}
