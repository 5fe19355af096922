package dev.watchpost.remediate;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingDetails;
import java.util.Optional;

/**
 * A remediation that acts on one kind of {@link FindingDetails}: it plans only for a finding that carries them (any
 * other finding gets no plan, and its alert goes out alone) and applies with them, so the type test and the cast are
 * written once. Subclasses hold no client and are thread-safe.
 */
public abstract class DetailsRemediation<D extends FindingDetails> implements Remediation {
    private final RemediationInfo info;
    private final Class<D> details;

    protected DetailsRemediation(RemediationInfo info, Class<D> details) {
        this.info = info;
        this.details = details;
    }

    @Override
    public final RemediationInfo info() {
        return info;
    }

    @Override
    public final Optional<Plan> plan(Finding finding, RemediationMode mode) {
        return details.isInstance(finding.details()) ? plan(finding, details.cast(finding.details()), mode)
                : Optional.empty();
    }

    @Override
    public final Outcome apply(Plan plan, Finding finding, Remediations.Clients clients) {
        return apply(plan, finding, details.cast(finding.details()), clients);
    }

    /** As {@link Remediation#plan}, for a finding that carries these details. */
    protected abstract Optional<Plan> plan(Finding finding, D details, RemediationMode mode);

    /** As {@link Remediation#apply}, with the details of the finding that was planned for. */
    protected abstract Outcome apply(Plan plan, Finding finding, D details, Remediations.Clients clients);
}
