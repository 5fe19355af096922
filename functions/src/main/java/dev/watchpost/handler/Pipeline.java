package dev.watchpost.handler;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * detect → remediate → alert, for one event at a time, shared by every Lambda handler and the CLI. Follows the
 * failure policy: a malformed event is reported and returns normally; a throwing detection is reported and the
 * others run; a failed remediation becomes a {@code Failed} outcome in the alert; when a sink fails the others are
 * still tried, then the first failure propagates so the invocation fails and is retried. Findings already alerted in
 * this container are not handled twice (key: detection id + event id), and a retry skips the sinks that already
 * delivered, so a retry neither re-remediates nor re-alerts. Thread-safe.
 */
public final class Pipeline {
    /** Enough for every retry a container sees; old keys fall out first. */
    private static final int DEDUP_CAPACITY = 10_000;
    private static final PipelineResult UNWATCHED = new PipelineResult(PipelineResult.Status.PROCESSED, List.of());

    private final Detections detections;
    private final Remediator remediator;
    private final List<AlertSink> sinks;
    private final LoopGuard loopGuard;
    private final Clock clock;
    private final Consumer<Finding> observer;
    /** Findings whose alerts went out. */
    private final BoundedCache<String, Boolean> alerted = new BoundedCache<>(DEDUP_CAPACITY);
    /** Outcomes already reached, so a retry after a failed alert does not remediate again. */
    private final BoundedCache<String, Optional<Outcome>> outcomes = new BoundedCache<>(DEDUP_CAPACITY);
    /** Finding × sink pairs delivered, for findings whose other sinks failed. */
    private final BoundedCache<String, Boolean> delivered = new BoundedCache<>(DEDUP_CAPACITY);

    public Pipeline(Detections detections, Remediator remediator, List<AlertSink> sinks, LoopGuard loopGuard,
                    Clock clock) {
        this(detections, remediator, sinks, loopGuard, clock, finding -> { });
    }

    /** As above, with an observer told of every finding before it is remediated (e.g. an exemption witness). */
    public Pipeline(Detections detections, Remediator remediator, List<AlertSink> sinks, LoopGuard loopGuard,
                    Clock clock, Consumer<Finding> observer) {
        this.observer = observer;
        this.detections = detections;
        this.remediator = remediator;
        this.sinks = List.copyOf(sinks);
        this.loopGuard = loopGuard;
        this.clock = clock;
    }

    /** Parses and handles raw bytes; {@code where} names the input in reports. */
    public PipelineResult process(byte[] raw, String where, Telemetry telemetry) {
        CloudTrailEvent event;
        try {
            event = CloudTrailEvent.parse(raw);
        } catch (MalformedEventException e) {
            telemetry.malformed(where, e.getMessage());
            return PipelineResult.malformed();
        }
        return process(event, telemetry);
    }

    /**
     * False when {@link #process} would return at once for any event of this name, unexamined; the scanner then need
     * not build the record at all.
     */
    public boolean mayWatch(String eventName) {
        return detections.watchesEventName(eventName);
    }

    /**
     * Handles one parsed event. An event that no detection watches returns at once (the scanner's usual case: almost
     * every record), before the loop guard is asked; so "own events ignored" counts own events that would otherwise
     * have been examined. Everything else is in {@link #examine}, which the JIT then keeps out of this hot method.
     */
    public PipelineResult process(CloudTrailEvent event, Telemetry telemetry) {
        List<Detection> watching = detections.forEvent(event);
        if (watching.isEmpty()) {
            return UNWATCHED;
        }
        if (loopGuard.isOwn(event)) {
            telemetry.ignoredOwnEvent(event.eventId());
            return new PipelineResult(PipelineResult.Status.OWN_EVENT, List.of());
        }
        return examine(event, watching, telemetry);
    }

    private PipelineResult examine(CloudTrailEvent event, List<Detection> watching, Telemetry telemetry) {
        List<Alert> alerts = new ArrayList<>();
        for (Detection detection : watching) {
            List<Finding> findings;
            try {
                findings = detection.evaluate(event);
            } catch (RuntimeException e) {
                telemetry.detectionFailed(detection.info().id(), event.eventId(), e);
                continue;
            }
            for (Finding finding : findings) {
                observer.accept(finding);
                // Claimed before it is handled, so two threads given the same event (a parallel scan) alert once.
                if (!alerted.putIfAbsent(finding.dedupKey(), Boolean.TRUE)) {
                    continue;
                }
                Alert alert;
                try {
                    Optional<Outcome> outcome = outcomes.computeIfAbsent(finding.dedupKey(),
                            key -> remediator.handle(finding));
                    alert = new Alert(finding, outcome, clock.instant());
                    telemetry.alerted(alert);
                    send(alert, telemetry);
                } catch (RuntimeException e) {
                    alerted.remove(finding.dedupKey()); // not alerted after all: a retry handles it again
                    throw e;
                }
                alerts.add(alert);
            }
        }
        return new PipelineResult(PipelineResult.Status.PROCESSED, alerts);
    }

    private void send(Alert alert, Telemetry telemetry) {
        RuntimeException firstFailure = null;
        for (int i = 0; i < sinks.size(); i++) {
            String key = alert.finding().dedupKey() + "#" + i;
            if (delivered.containsKey(key)) {
                continue;
            }
            try {
                sinks.get(i).send(alert);
                delivered.put(key, Boolean.TRUE);
            } catch (RuntimeException e) {
                telemetry.alertFailed(alert, e);
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }
}
