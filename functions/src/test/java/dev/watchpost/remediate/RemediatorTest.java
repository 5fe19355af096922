package dev.watchpost.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediatorTest {
    private final Finding finding = new SecurityGroupAdminPortOpen(DetectionParameters.defaults())
            .evaluate(Fixtures.event("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json")).getFirst();

    /** Records applies; answers with what it is told to. */
    private static final class Recording implements Remediation {
        final List<Plan> applied = new ArrayList<>();
        RuntimeException failure;

        @Override
        public RemediationInfo info() {
            return new RemediationInfo("test-action", SecurityGroupAdminPortOpen.ID, List.of("ec2:Test"),
                    RemediationMode.ENFORCE);
        }

        @Override
        public Optional<Plan> plan(Finding finding, RemediationMode mode) {
            return Optional.of(new Plan("test-action", mode, List.of("sgr-1"), "do it", "undo it"));
        }

        @Override
        public Outcome apply(Plan plan, Finding finding) {
            applied.add(plan);
            if (failure != null) {
                throw failure;
            }
            return new Outcome.Applied(plan, "");
        }
    }

    @Test
    void appliesInEnforceMode() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action), Map.of(), true).handle(finding).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, outcome);
        assertEquals(1, action.applied.size());
    }

    @Test
    void onlyPlansInDryRun() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action),
                Map.of(SecurityGroupAdminPortOpen.ID, RemediationMode.DRY_RUN), true).handle(finding).orElseThrow();
        assertEquals(RemediationMode.DRY_RUN, assertInstanceOf(Outcome.Planned.class, outcome).plan().mode());
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void skipsWhenOff() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action),
                Map.of(SecurityGroupAdminPortOpen.ID, RemediationMode.OFF), true).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Skipped.class, outcome).reason().contains("OFF"));
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void neverAppliesWhenNotAllowedToAct() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action), Map.of(), false).handle(finding).orElseThrow();
        assertEquals(RemediationMode.ENFORCE, assertInstanceOf(Outcome.Planned.class, outcome).plan().mode());
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void turnsAnUnexpectedExceptionIntoFailed() {
        Recording action = new Recording();
        action.failure = new IllegalStateException("boom");
        Outcome outcome = new Remediator(List.of(action), Map.of(), true).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Failed.class, outcome).error().contains("boom"));
    }

    @Test
    void hasNoOutcomeForADetectionWithoutRemediation() {
        assertTrue(new Remediator(List.of(), Map.of(), true).handle(finding).isEmpty());
    }

    @Test
    void rejectsTwoRemediationsForOneDetection() {
        try {
            new Remediator(List.of(new Recording(), new Recording()), Map.of(), true);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains(SecurityGroupAdminPortOpen.ID));
            return;
        }
        throw new AssertionError("expected a rejection");
    }
}
