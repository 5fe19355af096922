package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture through every detection (via the real pipeline), compared with events/expectations.json. */
class FixtureCorpusTest {
    static Stream<Arguments> fixtures() {
        Map<String, List<String>> expectations = Fixtures.expectations();
        return expectations.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fixtures")
    void firesExactlyTheExpectedDetections(String fixture, List<String> expected) {
        Pipeline pipeline = new Pipeline(Detections.defaults(Fixtures.parameters()),
                Remediator.planOnly(List.of(), Map.of()), List.of(), LoopGuard.of(FixtureDeployment.OWN_ROLES),
                Clock.systemUTC());
        RecordingTelemetry telemetry = new RecordingTelemetry();
        PipelineResult result = pipeline.process(Fixtures.bytes(fixture), fixture, telemetry);
        List<String> fired = result.alerts().stream().map(Alert::finding).map(f -> f.detection().id()).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), fired);
        assertTrue(telemetry.problems.isEmpty(), () -> "problems: " + telemetry.problems);
    }

    @Test
    void everyFixtureHasAnExpectationAndEveryExpectationAFixture() {
        assertEquals(Fixtures.all(), Fixtures.expectations().keySet().stream().sorted().toList());
    }

    @Test
    void everyDetectionHasAPositiveAndANegativeFixture() {
        Map<String, List<String>> expectations = Fixtures.expectations();
        for (var detection : Detections.defaults(Fixtures.parameters()).all()) {
            String id = detection.info().id();
            boolean positive = expectations.values().stream().anyMatch(ids -> ids.contains(id));
            boolean negative = expectations.entrySet().stream().anyMatch(e -> !e.getValue().contains(id)
                    && detection.info().eventNames().stream().anyMatch(name -> e.getKey().contains("/" + name + ".")));
            assertTrue(positive, id + " has no positive fixture");
            assertTrue(negative, id + " has no negative fixture of its own events");
        }
    }
}
