package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.remediate.Remediator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a scan does when a detection throws: the failure policy, seen from the command line. */
class ScanTest {
    @Test
    void reportsAThrowingDetection_andRunsTheOthers() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScanOutput output = new ScanOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Detections detections = new Detections(List.of(new Throwing(),
                Detections.defaults(Settings.defaults().detection()).all().getFirst()));
        Pipeline pipeline = new Pipeline(detections, Remediator.planOnly(List.of(), Map.of()),
                List.of(new FindingPrinter(output, FindingPrinter.Format.JSON)), LoopGuard.of(Set.of()),
                Clock.systemUTC());
        Path fixture = Fixtures.path(Fixtures.WORLD_SSH);

        ScanSummary summary = new Scan(pipeline, output, 1, null).run(List.of(fixture));

        assertEquals(1, summary.detectionErrors());
        assertFalse(summary.complete());
        assertEquals(1, summary.totalFindings());
        String problem = err.toString(StandardCharsets.UTF_8);
        assertTrue(problem.startsWith(fixture + ": line 1: detection network.always-throws failed on event "
                + Fixtures.eventId(Fixtures.WORLD_SSH) + ": java.lang.IllegalStateException: boom"), problem);
    }

    /** A detection with a bug. */
    private static final class Throwing implements Detection {
        private static final DetectionInfo INFO = new DetectionInfo("network.always-throws", Family.NETWORK,
                "Always throws", Severity.LOW, Set.of("ec2.amazonaws.com"), Set.of("AuthorizeSecurityGroupIngress"),
                List.of(), Set.of(), List.of("TTPs/Initial Access"), List.of("T1133"));

        @Override
        public DetectionInfo info() {
            return INFO;
        }

        @Override
        public List<Finding> evaluate(CloudTrailEvent event) {
            throw new IllegalStateException("boom");
        }
    }
}
