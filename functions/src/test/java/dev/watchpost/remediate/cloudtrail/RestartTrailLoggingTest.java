package dev.watchpost.remediate.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.audit.TrailLoggingStopped;
import dev.watchpost.remediate.Enforcement;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartTrailLoggingTest {
    private final FakeCloudTrail cloudTrail = new FakeCloudTrail();
    private final RestartTrailLogging restart = new RestartTrailLogging();
    private final Enforcement run = new Enforcement(new TrailLoggingStopped(), "audit", restart,
            Remediations.Clients.of(null, cloudTrail));

    @Test
    void startsLoggingOnTheTrailByName() {
        assertInstanceOf(Outcome.Applied.class, run.enforce(run.finding("StopLogging.by-name")));
        assertEquals(List.of("management-trail"), cloudTrail.started);
    }

    @Test
    void passesAnArnThroughUnchanged() {
        run.enforce(run.finding("StopLogging.by-arn"));
        assertEquals(List.of("arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail"), cloudTrail.started);
    }

    @Test
    void reportsAccessDeniedAsFailed() {
        cloudTrail.fail(FakeCloudTrail.error("AccessDeniedException", 400));
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, run.enforce(run.finding("StopLogging.by-name")));
        assertTrue(failed.error().startsWith("AccessDeniedException"));
    }

    @Test
    void undoIsStoppingAgain() {
        Plan plan = restart.plan(run.finding("StopLogging.by-name"), RemediationMode.DRY_RUN).orElseThrow();
        assertEquals("aws cloudtrail stop-logging --region us-east-1 --name management-trail", plan.undoCommand());
    }
}
