package dev.watchpost.remediate.cloudtrail;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.audit.TrailLoggingStopped;
import dev.watchpost.detect.audit.TrailTarget;
import dev.watchpost.remediate.DetailsRemediation;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;

/**
 * Starts logging again on the trail that was stopped ({@code StartLogging} with the name or ARN the event gave).
 * Starting a trail that already logs succeeds, so retries are harmless. The trail must be in the function's region,
 * which it is: the stop event is recorded, and routed, in the trail's home region. Thread-safe.
 */
public final class RestartTrailLogging extends DetailsRemediation<TrailTarget> {
    public static final RemediationInfo INFO = new RemediationInfo("restart-trail-logging", TrailLoggingStopped.ID,
            List.of("cloudtrail:StartLogging"), RemediationMode.ENFORCE,
            Map.of("cloudtrail:StartLogging", List.of("arn:{partition}:cloudtrail:{region}:{account}:trail/*")));

    public RestartTrailLogging() {
        super(INFO, TrailTarget.class);
    }

    @Override
    protected Optional<Plan> plan(Finding finding, TrailTarget trail, RemediationMode mode) {
        if (trail.nameOrArn().isBlank()) {
            return Optional.empty();
        }
        String name = trail.nameOrArn();
        return Optional.of(new Plan(INFO.id(), mode, List.of(name), "Start logging on trail " + name,
                "aws cloudtrail stop-logging --region " + ShellQuote.quote(finding.event().region())
                        + " --name " + ShellQuote.quote(name)));
    }

    @Override
    protected Outcome apply(Plan plan, Finding finding, TrailTarget trail, Remediations.Clients clients) {
        String name = trail.nameOrArn();
        try {
            clients.cloudTrail().startLogging(r -> r.name(name));
            return new Outcome.Applied(plan, "");
        } catch (CloudTrailException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return new Outcome.Failed(plan, (code == null || code.isEmpty() ? "" : code + ": ") + message);
        }
    }
}
