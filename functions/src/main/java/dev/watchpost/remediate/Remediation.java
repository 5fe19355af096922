package dev.watchpost.remediate;

import dev.watchpost.detect.Finding;
import java.util.Optional;

/**
 * An action that undoes what a detection found. It declares the IAM actions it calls ({@link RemediationInfo}) and
 * infra grants exactly those to the one function (or member role) that runs it. {@link #plan} is pure; {@link #apply}
 * calls AWS with clients that act in the account and region the event names (the {@link Remediator} gets them from
 * its {@link Targets}), and must be idempotent (an "already done" answer is success). Implementations hold no client
 * and are thread-safe.
 */
public interface Remediation {
    RemediationInfo info();

    /** What would be done for this finding in {@code mode}; empty when nothing applies. */
    Optional<Plan> plan(Finding finding, RemediationMode mode);

    /**
     * Does it with {@code clients}, which act in the finding's account and region. Returns {@code Applied},
     * {@code Skipped} (e.g. exempt) or {@code Failed}; never throws for AWS errors.
     */
    Outcome apply(Plan plan, Finding finding, Remediations.Clients clients);
}
