package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionFixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import java.util.List;

/** Runs one detection over an audit fixture named without folder and extension, for the tampering detections' tests. */
final class TamperFixtures {
    private TamperFixtures() {}

    static List<Finding> evaluate(Detection detection, String fixture) {
        return DetectionFixtures.findings(detection, path(fixture));
    }

    static Finding only(Detection detection, String fixture) {
        return DetectionFixtures.only(detection, path(fixture));
    }

    /** The fixture raises one critical finding on Watchpost's resource {@code name}, of the AWS type {@code type}. */
    static void assertCriticalOn(Detection detection, String fixture, String type, String name) {
        Finding finding = only(detection, fixture);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(type, finding.resources().getFirst().type());
        assertEquals(name, finding.context().get("resource"));
    }

    private static String path(String fixture) {
        return "audit/" + fixture + ".json";
    }
}
