package dev.watchpost.fuzz;

import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Finding;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.Telemetry;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.Remediation;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.remediate.cloudtrail.FakeCloudTrail;
import dev.watchpost.remediate.ec2.FakeEc2;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scanner's pipeline, built fresh for one fuzz input and instrumented: every family's detections, every
 * remediation on ENFORCE behind a remediator that may not apply (so ENFORCE must become a plan), recording fakes for
 * the SDK clients, a sink that keeps the alerts, and telemetry and remediation wrappers that keep what they were told.
 * Fresh per input so the pipeline's retry de-duplication never hides a finding of an earlier input. Not thread-safe.
 */
final class OfflineWatchpost {
    /** The registry every target uses: the shipped defaults, for the fixtures' deployment (its alert key). */
    static final DetectionParameters PARAMETERS = Fixtures.parameters();
    static final Detections DETECTIONS = Detections.defaults(PARAMETERS);
    static final String NAME_PREFIX = "watchpost";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:15:42Z"), ZoneOffset.UTC);

    final FakeEc2 ec2 = new FakeEc2();
    final FakeCloudTrail cloudTrail = new FakeCloudTrail();
    final List<Alert> sent = new ArrayList<>();
    final List<String> malformed = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** Every call to a remediation's {@code plan}, in order. */
    final List<PlanCall> plans = new ArrayList<>();
    final Remediator remediator;
    final Pipeline pipeline;

    /**
     * One call to {@link Remediation#plan}.
     *
     * @param finding the finding it was asked to plan for
     * @param plan    what it answered
     */
    record PlanCall(Finding finding, Optional<Plan> plan) {}

    OfflineWatchpost() {
        List<Remediation> recorded = Remediations.forDetections(DETECTIONS.ids(), "watchpost:exempt", CLOCK)
                .stream().<Remediation>map(Recorded::new).toList();
        Map<String, RemediationMode> enforce = new HashMap<>();
        Remediations.catalog().forEach(info -> enforce.put(info.detectionId(), RemediationMode.ENFORCE));
        remediator = Remediator.planOnly(recorded, enforce);
        pipeline = new Pipeline(DETECTIONS, remediator, List.of(sent::add),
                LoopGuard.derivingFromPrefix(Set.of(), NAME_PREFIX), CLOCK);
    }

    Telemetry telemetry() {
        return new Telemetry() {
            @Override
            public void malformed(String where, String reason) {
                malformed.add(where + ": " + reason);
            }

            @Override
            public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
                problems.add("detection " + detectionId + " threw on " + eventId + ": " + error);
            }

            @Override
            public void ignoredOwnEvent(String eventId) {
                // Checked through the pipeline's result.
            }

            @Override
            public void alerted(Alert alert) {
                // The sink keeps every alert.
            }

            @Override
            public void alertFailed(Alert alert, RuntimeException error) {
                problems.add("alert " + alert.finding().dedupKey() + " failed: " + error);
            }
        };
    }

    /** True when the offline run touched no SDK client at all. */
    boolean calledNoAws() {
        return ec2.calls.isEmpty() && cloudTrail.started.isEmpty();
    }

    /** A remediation that records what it is asked to plan, and refuses to be applied. */
    private final class Recorded implements Remediation {
        private final Remediation real;

        Recorded(Remediation real) {
            this.real = real;
        }

        @Override
        public RemediationInfo info() {
            return real.info();
        }

        @Override
        public Optional<Plan> plan(Finding finding, RemediationMode mode) {
            Optional<Plan> plan = real.plan(finding, mode);
            plans.add(new PlanCall(finding, plan));
            return plan;
        }

        @Override
        public Outcome apply(Plan plan, Finding finding, Remediations.Clients clients) {
            throw new AssertionError("a remediator that may not apply applied " + plan.action() + " for "
                    + finding.dedupKey());
        }
    }
}
