package dev.watchpost.remediate;

import dev.watchpost.detect.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens to each finding: looks up the detection's remediation and the mode in force, plans, and (only
 * in {@code ENFORCE}, and only when allowed to act at all) applies. The offline scanner builds it with
 * {@code mayApply=false}, so it can never change an account. Thread-safe when its remediations are.
 */
public final class Remediator {
    private final Map<String, Remediation> byDetection;
    private final Map<String, RemediationMode> modes;
    private final boolean mayApply;

    /**
     * @param remediations every remediation in use (at most one per detection)
     * @param modes        configured modes by detection id; a detection not named uses its remediation's default
     * @param mayApply     false for the offline scanner: ENFORCE becomes a plan
     */
    public Remediator(List<Remediation> remediations, Map<String, RemediationMode> modes, boolean mayApply) {
        Map<String, Remediation> map = new HashMap<>();
        for (Remediation remediation : remediations) {
            if (map.putIfAbsent(remediation.info().detectionId(), remediation) != null) {
                throw new IllegalArgumentException("two remediations for detection " + remediation.info().detectionId());
            }
        }
        this.byDetection = Map.copyOf(map);
        this.modes = Map.copyOf(modes);
        this.mayApply = mayApply;
    }

    public Optional<Remediation> remediationFor(String detectionId) {
        return Optional.ofNullable(byDetection.get(detectionId));
    }

    public RemediationMode modeFor(String detectionId) {
        RemediationMode configured = modes.get(detectionId);
        if (configured != null) {
            return configured;
        }
        Remediation remediation = byDetection.get(detectionId);
        return remediation == null ? RemediationMode.OFF : remediation.info().defaultMode();
    }

    /** The outcome for one finding, or empty when its detection has no remediation. Never throws. */
    public Optional<Outcome> handle(Finding finding) {
        Remediation remediation = byDetection.get(finding.detection().id());
        if (remediation == null) {
            return Optional.empty();
        }
        RemediationMode mode = modeFor(finding.detection().id());
        Optional<Plan> maybePlan;
        try {
            maybePlan = remediation.plan(finding, mode);
        } catch (RuntimeException e) {
            Plan nothing = new Plan(remediation.info().id(), mode, List.of(), "plan " + remediation.info().id(), "");
            return Optional.of(new Outcome.Failed(nothing, "could not plan: " + e));
        }
        if (maybePlan.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = maybePlan.get();
        return Optional.of(switch (mode) {
            case OFF -> new Outcome.Skipped(plan, "remediation is OFF for " + finding.detection().id());
            case DRY_RUN -> new Outcome.Planned(plan);
            case ENFORCE -> mayApply ? applySafely(remediation, plan, finding) : new Outcome.Planned(plan);
        });
    }

    private static Outcome applySafely(Remediation remediation, Plan plan, Finding finding) {
        try {
            return remediation.apply(plan, finding);
        } catch (RuntimeException e) {
            return new Outcome.Failed(plan, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
