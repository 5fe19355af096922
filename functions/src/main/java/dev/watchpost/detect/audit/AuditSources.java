package dev.watchpost.detect.audit;

import dev.watchpost.detect.NamedResource;
import dev.watchpost.detect.Resource;

/** Event sources, the trail as findings name it, and name helpers shared by the audit detections. */
final class AuditSources {
    static final String EVENTS = "events.amazonaws.com";
    static final String LAMBDA = "lambda.amazonaws.com";
    static final String SNS = "sns.amazonaws.com";
    static final String CLOUDWATCH = "monitoring.amazonaws.com";
    static final String SQS = "sqs.amazonaws.com";
    static final String SCHEDULER = "scheduler.amazonaws.com";
    static final String SSM = "ssm.amazonaws.com";
    static final String CLOUDFORMATION = "cloudformation.amazonaws.com";
    /** A trail named by the request's {@code name} (a name or an ARN), shown in titles by its short name. */
    static final NamedResource TRAIL = NamedResource.requestParameter(Resource.TRAIL, "name", "trail")
            .shownAs(AuditSources::trailName);

    private AuditSources() {}

    /** The short name of a trail given by name or ARN ({@code arn:aws:cloudtrail:…:trail/NAME}). */
    static String trailName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf("trail/");
        return slash >= 0 ? nameOrArn.substring(slash + "trail/".length()) : nameOrArn;
    }
}
