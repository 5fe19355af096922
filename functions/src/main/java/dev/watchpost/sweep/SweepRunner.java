package dev.watchpost.sweep;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.detect.Finding;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.remediate.Targets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one family's sweep over places (account × region) with at most {@code concurrency} places at once, each read
 * with the clients {@link Targets} gives for it (own credentials, or the family's member role). Each finding goes
 * through the family's {@link Remediator} exactly as an event's would (ENFORCE acts on exactly what the finding
 * names after re-reading it, DRY_RUN plans, OFF skips, an exemption tag skips with its reason) and the memory decides
 * whether it alerts: a new exposure alerts; one already alerted does not, unless a remediation just closed it; one
 * remembered but not found again is resolved. A place that cannot be reached or read is a problem in the report and
 * resolves nothing there. When the memory fails, the finding alerts anyway. Thread-safe per run.
 */
public final class SweepRunner {
    private final Sweep sweep;
    private final Targets targets;
    private final Remediator remediator;
    private final List<AlertSink> sinks;
    private final ExposureStore store;
    private final Clock clock;
    private final int concurrency;

    public SweepRunner(Sweep sweep, Targets targets, Remediator remediator, List<AlertSink> sinks,
                       ExposureStore store, Clock clock, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.sweep = sweep;
        this.targets = targets;
        this.remediator = remediator;
        this.sinks = List.copyOf(sinks);
        this.store = store;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    public SweepReport run(List<Place> places) {
        Instant at = clock.instant();
        List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
        List<Exposure> standing = Collections.synchronizedList(new ArrayList<>());
        List<Exposure> resolved = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, places.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Place place : places) {
                running.add(pool.submit(() -> sweepOne(place, at, alerts, standing, resolved, problems)));
            }
            for (int i = 0; i < running.size(); i++) {
                try {
                    running.get(i).get();
                } catch (ExecutionException e) {
                    problems.add(places.get(i) + ": " + describe(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted before every place was swept");
        } finally {
            pool.shutdownNow();
        }
        return new SweepReport(alerts, standing, resolved, problems, places.size());
    }

    private void sweepOne(Place place, Instant at, List<Alert> alerts, List<Exposure> standing,
                          List<Exposure> resolved, List<String> problems) {
        List<Finding> findings;
        switch (targets.reach(place.account(), place.region())) {
            case Targets.Reach.Unreachable no -> {
                problems.add(place + ": " + no.reason());
                return;
            }
            case Targets.Reach.Reachable yes -> {
                try {
                    findings = sweep.findings(yes.clients(), place.account(), place.region(), at);
                } catch (RuntimeException e) {
                    problems.add(place + ": could not read " + sweep.info().family().id() + " state: "
                            + describe(e));
                    return;
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Finding finding : findings) {
            String key = Exposure.key(place.account(), place.region(), finding.detection().id(),
                    finding.primaryResourceId());
            seen.add(key);
            handle(finding, key, place, at, alerts, standing, problems);
        }
        try {
            for (Exposure remembered : store.openIn(place.account(), place.region())) {
                if (remembered.detection().startsWith(sweep.info().family().id() + ".")
                        && !seen.contains(remembered.key())) {
                    store.remove(remembered.key());
                    resolved.add(remembered);
                }
            }
        } catch (RuntimeException e) {
            problems.add(place + ": could not read the memory of exposures: " + describe(e));
        }
    }

    private void handle(Finding finding, String key, Place place, Instant at, List<Alert> alerts,
                        List<Exposure> standing, List<String> problems) {
        Optional<Exposure> known;
        try {
            known = store.get(key);
        } catch (RuntimeException e) {
            problems.add(place + ": could not read the memory of exposures (alerting anyway): " + describe(e));
            known = Optional.empty();
        }
        Optional<Outcome> outcome = remediator.handle(finding);
        boolean closed = outcome.filter(Outcome.Applied.class::isInstance).isPresent();
        String why = outcome.map(Outcome::summary).orElse("alert only (no automatic remediation)");
        if (known.isPresent() && !closed) {
            Exposure again = known.get().seenAgain(at, why);
            remember(again, problems);
            standing.add(again);
            return;
        }
        Alert alert = new Alert(finding, outcome, clock.instant());
        for (AlertSink sink : sinks) {
            sink.send(alert);
        }
        alerts.add(alert);
        if (closed) {
            forget(key, problems);
        } else {
            remember(new Exposure(place.account(), place.region(), finding.detection().id(),
                    finding.primaryResourceId(), finding.severity().name(), finding.title(), at, at, why), problems);
        }
    }

    private void remember(Exposure exposure, List<String> problems) {
        try {
            store.put(exposure);
        } catch (RuntimeException e) {
            problems.add(exposure.account() + "/" + exposure.region() + ": could not remember " + exposure.key()
                    + ": " + describe(e));
        }
    }

    private void forget(String key, List<String> problems) {
        try {
            store.remove(key);
        } catch (RuntimeException e) {
            problems.add("could not forget " + key + ": " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
