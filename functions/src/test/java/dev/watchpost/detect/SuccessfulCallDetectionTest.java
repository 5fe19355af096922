package dev.watchpost.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed call, a dry run included, changed nothing: every detection that guards on success stays silent on every
 * failed or dry-run sample event routed to it. One case per detection and fixture, so one failure hides no other.
 */
class SuccessfulCallDetectionTest {
    private static final Detections REGISTRY = Detections.defaults(Fixtures.parameters());

    static Stream<Arguments> failedCallsAndTheirDetections() {
        return Fixtures.all().stream().flatMap(fixture -> {
            CloudTrailEvent event = Fixtures.event(fixture);
            if (event.succeeded()) {
                return Stream.empty();
            }
            return REGISTRY.forEvent(event).stream().filter(SuccessfulCallDetection.class::isInstance)
                    .map(detection -> Arguments.of(detection.info().id(), fixture));
        });
    }

    @ParameterizedTest(name = "{0} ignores {1}")
    @MethodSource("failedCallsAndTheirDetections")
    void ignoresACallThatFailed(String id, String fixture) {
        Detection detection = REGISTRY.byId(id).orElseThrow();
        assertEquals(List.of(), detection.evaluate(Fixtures.event(fixture)));
    }

    @Test
    void everyFailedSampleIsReadByADetection_soNoneIsLeftUntested() {
        List<String> unrouted = Fixtures.all().stream().filter(fixture -> {
            CloudTrailEvent event = Fixtures.event(fixture);
            return !event.succeeded() && REGISTRY.forEvent(event).isEmpty();
        }).toList();
        assertTrue(unrouted.isEmpty(), () -> "failed samples no detection reads: " + unrouted);
    }

    @Test
    void everyDetectionThatGuardsOnSuccess_hasAFailedSample_soItsGuardIsTested() {
        Set<String> tested = failedCallsAndTheirDetections().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toSet());
        List<String> untested = REGISTRY.all().stream().filter(SuccessfulCallDetection.class::isInstance)
                .map(detection -> detection.info().id()).filter(id -> !tested.contains(id)).sorted().toList();
        assertEquals(List.of(), untested, "detections with no failed or dry-run sample in events/");
    }
}
