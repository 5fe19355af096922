package dev.watchpost.pipeline;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.remediate.CallBudget;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.state.Claim;
import dev.watchpost.state.FindingLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * detect → remediate → alert, for one event at a time, shared by every Lambda handler and the CLI. Follows the
 * failure policy: a malformed event is reported and returns normally; a throwing detection is reported and the
 * others run; a failed remediation becomes a {@code Failed} outcome in the alert; when a sink fails the others are
 * still tried, then the first failure propagates so the invocation fails and is retried. Findings already alerted in
 * this container are not handled twice (key: detection id + event id), and a retry skips the sinks that already
 * delivered, so a retry neither re-remediates nor re-alerts. Across containers, a {@link FindingLedger} (the state
 * table) decides which invocation handles a finding: one that lost the claim skips it, counted as a suppressed
 * duplicate; when the ledger cannot be asked the finding is handled anyway (twice beats never), counted as state
 * unavailable, and remediated at most once in this container as without a ledger. Given a {@link CallBudget} (the
 * invocation's remaining time), it starts no call that might not finish: a remediation only while a call and the
 * alert to the first sink both fit (else the alert says it was skipped and why), each sink only while its call fits
 * (else the finding fails as when a sink fails, so Lambda retries it); each is logged and counted
 * ({@link Telemetry#outOfTime}). Thread-safe.
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
    /** Findings this container took on, and whether the ledger holds its claim. */
    private final BoundedCache<String, Handling> claims = new BoundedCache<>(DEDUP_CAPACITY);
    private final FindingLedger ledger;

    public Pipeline(Detections detections, Remediator remediator, List<AlertSink> sinks, LoopGuard loopGuard,
                    Clock clock) {
        this(detections, remediator, sinks, loopGuard, clock, finding -> { });
    }

    /** As above, with an observer told of every finding before it is remediated (e.g. an exemption witness). */
    public Pipeline(Detections detections, Remediator remediator, List<AlertSink> sinks, LoopGuard loopGuard,
                    Clock clock, Consumer<Finding> observer) {
        this(detections, remediator, sinks, loopGuard, clock, observer, FindingLedger.none());
    }

    /** As above, with a ledger shared by every container of the function (the state table). */
    public Pipeline(Detections detections, Remediator remediator, List<AlertSink> sinks, LoopGuard loopGuard,
                    Clock clock, Consumer<Finding> observer, FindingLedger ledger) {
        this.ledger = ledger;
        this.observer = observer;
        this.detections = detections;
        this.remediator = remediator;
        this.sinks = List.copyOf(sinks);
        this.loopGuard = loopGuard;
        this.clock = clock;
    }

    /**
     * Parses and handles raw bytes; {@code where} names the input in reports and is who claims the findings in the
     * ledger. In Lambda it holds the request id, which Lambda keeps across its own retries of an invocation, so a
     * retry resumes the findings its first attempt claimed.
     */
    public PipelineResult process(byte[] raw, String where, Telemetry telemetry) {
        return process(raw, where, telemetry, CallBudget.UNLIMITED);
    }

    /** As above, starting AWS calls only while {@code budget} has time for them. */
    public PipelineResult process(byte[] raw, String where, Telemetry telemetry, CallBudget budget) {
        CloudTrailEvent event;
        try {
            event = CloudTrailEvent.parse(raw);
        } catch (MalformedEventException e) {
            telemetry.malformed(where, e.getMessage());
            return PipelineResult.malformed();
        }
        return process(event, where, telemetry, budget);
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
        return process(event, null, telemetry, CallBudget.UNLIMITED);
    }

    private PipelineResult process(CloudTrailEvent event, String invocation, Telemetry telemetry,
                                   CallBudget budget) {
        List<Detection> watching = detections.forEvent(event);
        if (watching.isEmpty()) {
            return UNWATCHED;
        }
        if (loopGuard.isOwn(event)) {
            telemetry.ignoredOwnEvent(event.eventId());
            return new PipelineResult(PipelineResult.Status.OWN_EVENT, List.of());
        }
        return examine(event, watching, invocation, telemetry, budget);
    }

    private PipelineResult examine(CloudTrailEvent event, List<Detection> watching, String invocation,
                                   Telemetry telemetry, CallBudget budget) {
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
                String key = finding.dedupKey();
                // Claimed in this container before it is handled, so two threads given the same event (a parallel
                // scan) alert once; released when this container does not alert after all, so a retry handles it.
                if (!alerted.putIfAbsent(key, Boolean.TRUE)) {
                    continue;
                }
                Handling handling;
                try {
                    handling = takeOn(finding, invocation, telemetry);
                } catch (RuntimeException e) {
                    alerted.remove(key);
                    throw e;
                }
                if (handling == Handling.ELSEWHERE) {
                    alerted.remove(key);
                    continue;
                }
                boolean claimed = handling == Handling.CLAIMED;
                Alert alert;
                try {
                    Optional<Outcome> outcome = remediate(finding, telemetry, budget);
                    alert = new Alert(finding, outcome, clock.instant());
                    telemetry.alerted(alert);
                    send(alert, telemetry, budget);
                } catch (RuntimeException e) {
                    alerted.remove(key);
                    if (claimed) {
                        ledger.partlyDelivered(key, deliveredSinks(key), clock.instant())
                                .ifPresent(reason -> telemetry.stateUnavailable(finding.detection().id(),
                                        event.eventId(), reason));
                    }
                    throw e;
                }
                if (claimed) {
                    ledger.alerted(key, clock.instant()).ifPresent(reason ->
                            telemetry.stateUnavailable(finding.detection().id(), event.eventId(), reason));
                }
                alerts.add(alert);
            }
        }
        return new PipelineResult(PipelineResult.Status.PROCESSED, alerts);
    }

    /**
     * The finding's outcome: the one reached before in this container, or the remediator's, which may start a call
     * only while the alert to the first sink would still fit after it. An outcome skipped for want of time is not
     * kept, so a retry remediates.
     */
    private Optional<Outcome> remediate(Finding finding, Telemetry telemetry, CallBudget budget) {
        String key = finding.dedupKey();
        Optional<Outcome> known = outcomes.get(key);
        if (known != null) {
            return known;
        }
        List<String> refused = new ArrayList<>(1);
        Optional<Outcome> outcome = remediator.handle(finding, calls -> {
            Optional<String> shortfall = budget.shortfall(calls + 1);
            shortfall.ifPresent(refused::add);
            return shortfall;
        });
        if (refused.isEmpty()) {
            outcomes.put(key, outcome);
        } else {
            telemetry.outOfTime(finding.detection().id(), finding.event().eventId(), "remediation", refused.getFirst());
        }
        return outcome;
    }

    /** Whether this container handles a finding, and whether the ledger knows it does. */
    private enum Handling { CLAIMED, UNRECORDED, ELSEWHERE }

    /**
     * Asks the ledger once per finding and container (a retry in this container goes on with what it took on), and
     * reports a lost claim or an unavailable ledger.
     */
    private Handling takeOn(Finding finding, String invocation, Telemetry telemetry) {
        String key = finding.dedupKey();
        Handling known = claims.get(key);
        if (known != null) {
            return known;
        }
        String detectionId = finding.detection().id();
        String eventId = finding.event().eventId();
        Handling handling = switch (ledger.claim(key, invocation, clock.instant())) {
            case Claim.Won won -> {
                won.deliveredSinks().forEach(sink -> delivered.put(sinkKey(key, sink), Boolean.TRUE));
                yield Handling.CLAIMED;
            }
            case Claim.Taken taken -> {
                telemetry.duplicateSuppressed(detectionId, eventId, taken.state());
                yield Handling.ELSEWHERE;
            }
            case Claim.Unavailable unavailable -> {
                telemetry.stateUnavailable(detectionId, eventId, unavailable.reason());
                yield Handling.UNRECORDED;
            }
        };
        if (handling != Handling.ELSEWHERE) {
            claims.put(key, handling);
        }
        return handling;
    }

    private static String sinkKey(String dedupKey, int sink) {
        return dedupKey + "#" + sink;
    }

    private Set<Integer> deliveredSinks(String dedupKey) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < sinks.size(); i++) {
            if (delivered.containsKey(sinkKey(dedupKey, i))) {
                out.add(i);
            }
        }
        return out;
    }

    private void send(Alert alert, Telemetry telemetry, CallBudget budget) {
        RuntimeException firstFailure = null;
        for (int i = 0; i < sinks.size(); i++) {
            String key = sinkKey(alert.finding().dedupKey(), i);
            if (delivered.containsKey(key)) {
                continue;
            }
            Optional<String> shortfall = budget.shortfall(1);
            if (shortfall.isPresent()) {
                String sink = sinks.get(i).getClass().getSimpleName();
                telemetry.outOfTime(alert.finding().detection().id(), alert.finding().event().eventId(), sink,
                        shortfall.get());
                if (firstFailure == null) {
                    firstFailure = new AlertDeliveryException("not sent to " + sink + ": " + shortfall.get(), null);
                }
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
