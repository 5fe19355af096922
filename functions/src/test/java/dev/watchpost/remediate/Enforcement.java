package dev.watchpost.remediate;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Finding;

/**
 * A remediation test's two steps: the finding a detection raises on a fixture of {@code events/<folder>}, and the
 * remediation planned in ENFORCE for it and applied with the test's clients, as the remediator would.
 */
public record Enforcement(Detection detection, String folder, Remediation remediation, Remediations.Clients clients) {
    /** The first finding on {@code events/<folder>/<fixture>.json}. */
    public Finding finding(String fixture) {
        return detection.evaluate(Fixtures.event(folder + "/" + fixture + ".json")).getFirst();
    }

    public Outcome enforce(Finding finding) {
        return remediation.apply(remediation.plan(finding, RemediationMode.ENFORCE).orElseThrow(), finding, clients);
    }
}
