package dev.watchpost.remediate;

import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens to each finding: looks up the detection's remediation and asks its {@link ModeSource} for the
 * mode in force for that detection in the event's account (once per finding, so runtime settings apply without a
 * restart), plans, and (only in {@code ENFORCE}, and only when allowed to act at all) applies, with clients that act in the account and region
 * the event names. Where that is cannot be told for sure (no account, two that disagree, a value that is not an
 * account id or region) or its {@link Targets} cannot reach it, the outcome is {@code Skipped} or {@code Failed} with
 * the reason, never {@code Applied}. The offline scanner builds it {@link #planOnly}, so it can never change an
 * account. Thread-safe when its remediations and targets are.
 */
public final class Remediator {
    private final Map<String, Remediation> byDetection;
    private final ModeSource modes;
    /** Empty for the offline scanner: ENFORCE becomes a plan. */
    private final Optional<Targets> targets;

    /**
     * @param remediations every remediation in use (at most one per detection)
     * @param modes        configured modes by detection id; a detection not named uses its remediation's default
     * @param targets      where remediations may act
     */
    public Remediator(List<Remediation> remediations, Map<String, RemediationMode> modes, Targets targets) {
        this(remediations, ModeSource.fixed(modes), Optional.of(targets));
    }

    /**
     * @param remediations every remediation in use (at most one per detection)
     * @param modes        decides the mode per finding (e.g. the runtime settings over the deploy-time modes)
     * @param targets      where remediations may act
     */
    public Remediator(List<Remediation> remediations, ModeSource modes, Targets targets) {
        this(remediations, modes, Optional.of(targets));
    }

    private Remediator(List<Remediation> remediations, ModeSource modes, Optional<Targets> targets) {
        Map<String, Remediation> map = new HashMap<>();
        for (Remediation remediation : remediations) {
            if (map.putIfAbsent(remediation.info().detectionId(), remediation) != null) {
                throw new IllegalArgumentException("two remediations for detection " + remediation.info().detectionId());
            }
        }
        this.byDetection = Map.copyOf(map);
        this.modes = modes;
        this.targets = targets;
    }

    /** For the offline scanner: plans in every mode, never applies (ENFORCE becomes a plan). */
    public static Remediator planOnly(List<Remediation> remediations, Map<String, RemediationMode> modes) {
        return new Remediator(remediations, ModeSource.fixed(modes), Optional.empty());
    }

    public Optional<Remediation> remediationFor(String detectionId) {
        return Optional.ofNullable(byDetection.get(detectionId));
    }

    /** The mode in force for {@code detectionId} in {@code account} ("" when unknown), asked of the mode source. */
    public ModeDecision modeFor(String detectionId, String account) {
        Remediation remediation = byDetection.get(detectionId);
        RemediationMode fallback = remediation == null ? RemediationMode.OFF : remediation.info().defaultMode();
        return modes.decide(detectionId, account, fallback);
    }

    /** The outcome for one finding, or empty when its detection has no remediation. Never throws. */
    public Optional<Outcome> handle(Finding finding) {
        return handle(finding, CallBudget.UNLIMITED);
    }

    /**
     * As above, applying only when {@code budget} still has time for a call: otherwise the outcome is {@code Skipped}
     * with the reason, and nothing is changed. Each later call the remediation makes on a client that carries a
     * {@link CallBudgetInterceptor} is checked against {@code budget} too; one it cannot cover is not started, and
     * the remediation reports it as a failed call.
     */
    public Optional<Outcome> handle(Finding finding, CallBudget budget) {
        Remediation remediation = byDetection.get(finding.detection().id());
        if (remediation == null) {
            return Optional.empty();
        }
        ModeDecision decision = modeFor(finding.detection().id(), accountOf(finding.event()));
        RemediationMode mode = switch (decision) {
            case ModeDecision.Use use -> use.mode();
            case ModeDecision.SwitchedOff off -> RemediationMode.OFF;
            case ModeDecision.Exempt exempt -> RemediationMode.OFF;
        };
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
        String note = switch (decision) {
            case ModeDecision.SwitchedOff off -> off.reason();
            case ModeDecision.Exempt exempt -> exempt.reason();
            case ModeDecision.Use use -> use.note();
        };
        if (!(decision instanceof ModeDecision.Use)) {
            return Optional.of(new Outcome.Skipped(plan, note));
        }
        return Optional.of(switch (mode) {
            case OFF -> new Outcome.Skipped(plan, "remediation is OFF for " + finding.detection().id()
                    + (note.isEmpty() ? "" : "; " + note));
            case DRY_RUN -> new Outcome.Planned(plan, note);
            case ENFORCE -> withNote(targets.<Outcome>map(t -> budget.shortfall(1)
                            .<Outcome>map(reason -> new Outcome.Skipped(plan, reason + "; nothing was changed"))
                            .orElseGet(() -> CallBudgetInterceptor.within(budget,
                                    () -> applyWhereTheEventHappened(t, remediation, plan, finding))))
                    .orElseGet(() -> new Outcome.Planned(plan)), note);
        });
    }

    /** The outcome with the mode decision's note (e.g. an expired exemption) added to what it tells people. */
    private static Outcome withNote(Outcome outcome, String note) {
        if (note.isEmpty()) {
            return outcome;
        }
        return switch (outcome) {
            case Outcome.Applied applied -> new Outcome.Applied(applied.plan(),
                    applied.detail().isEmpty() ? note : applied.detail() + "; " + note);
            case Outcome.Planned planned -> new Outcome.Planned(planned.plan(),
                    planned.note().isEmpty() ? note : planned.note() + "; " + note);
            case Outcome.Skipped skipped -> new Outcome.Skipped(skipped.plan(), skipped.reason() + "; " + note);
            case Outcome.Failed failed -> new Outcome.Failed(failed.plan(), failed.error() + "; " + note);
        };
    }

    /**
     * The account whose settings apply: the event's {@code recipientAccountId}, else its envelope's account; "" when
     * neither is an account id or the two disagree (then only account-independent settings apply, and ENFORCE is
     * skipped anyway).
     */
    static String accountOf(CloudTrailEvent event) {
        String recipient = event.recipientAccount();
        String envelope = event.envelopeAccount();
        if (!recipient.isEmpty() && !envelope.isEmpty() && !recipient.equals(envelope)) {
            return "";
        }
        String account = recipient.isEmpty() ? envelope : recipient;
        return MemberRoles.ACCOUNT_ID.matcher(account).matches() ? account : "";
    }

    private static Outcome applyWhereTheEventHappened(Targets targets, Remediation remediation, Plan plan,
                                                      Finding finding) {
        CloudTrailEvent event = finding.event();
        String recipient = event.recipientAccount();
        String envelope = event.envelopeAccount();
        if (!recipient.isEmpty() && !envelope.isEmpty() && !recipient.equals(envelope)) {
            return new Outcome.Skipped(plan, "the event's recipientAccountId " + recipient + " and its envelope's "
                    + "account " + envelope + " differ; nothing was changed");
        }
        String account = recipient.isEmpty() ? envelope : recipient;
        if (!MemberRoles.ACCOUNT_ID.matcher(account).matches()) {
            return new Outcome.Skipped(plan, "the event names no account id (recipientAccountId or the envelope's "
                    + "account); nothing was changed");
        }
        String region = event.region();
        if (!MemberRoles.REGION.matcher(region).matches()) {
            return new Outcome.Skipped(plan, "the event names no region (awsRegion); nothing was changed");
        }
        Targets.Reach reach;
        try {
            reach = targets.reach(account, region);
        } catch (RuntimeException e) {
            return new Outcome.Failed(plan, "could not get credentials for account " + account + " in " + region + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return switch (reach) {
            case Targets.Reach.Unreachable no -> no.attempted() ? new Outcome.Failed(plan, no.reason())
                    : new Outcome.Skipped(plan, no.reason());
            case Targets.Reach.Reachable yes -> applySafely(remediation, plan, finding, yes.clients());
        };
    }

    private static Outcome applySafely(Remediation remediation, Plan plan, Finding finding,
                                       Remediations.Clients clients) {
        try {
            return remediation.apply(plan, finding, clients);
        } catch (RuntimeException e) {
            return new Outcome.Failed(plan, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
