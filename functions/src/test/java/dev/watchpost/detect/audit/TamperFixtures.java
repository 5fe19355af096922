package dev.watchpost.detect.audit;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Finding;
import java.util.List;

/** Runs one detection over an audit fixture, for the tampering detections' tests. */
final class TamperFixtures {
    private TamperFixtures() {}

    static List<Finding> evaluate(Detection detection, String fixture) {
        return detection.evaluate(Fixtures.event("audit/" + fixture + ".json"));
    }

    static Finding only(Detection detection, String fixture) {
        List<Finding> findings = evaluate(detection, fixture);
        if (findings.size() != 1) {
            throw new AssertionError(fixture + " raised " + findings.size() + " findings, expected one");
        }
        return findings.getFirst();
    }
}
