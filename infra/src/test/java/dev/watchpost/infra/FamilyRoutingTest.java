package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule patterns come from the registry, by CloudTrail event source and name. */
final class FamilyRoutingTest {
    @ParameterizedTest
    @ValueSource(strings = {"ec2", "aws.ec2", ".amazonaws.com", "ec2.amazonaws.com.cn"})
    void rejectsWhatIsNotAServiceEndpoint(String eventSource) {
        assertThrows(IllegalArgumentException.class,
                () -> new FamilyRouting(List.of(eventSource), List.of("RunInstances"), false));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void routesEachFamilyByItsOwnDetectionsOnly(Family family) {
        Detections registry = Detections.defaults(DetectionParameters.defaults());
        Set<String> eventSources = new TreeSet<>();
        Set<String> eventNames = new TreeSet<>();
        registry.byFamily().get(family).forEach(detection -> {
            eventSources.addAll(detection.info().eventSources());
            eventNames.addAll(detection.info().eventNames());
        });

        FamilyRouting routing = FamilyRouting.of(registry, family);

        assertEquals(List.copyOf(eventSources), routing.eventSources());
        assertEquals(List.copyOf(eventNames), routing.eventNames());
    }

    @Test
    void refusesAFamilyWithoutDetections() {
        Detections networkOnly = new Detections(
                Detections.defaults(DetectionParameters.defaults()).byFamily().get(Family.NETWORK));
        assertThrows(IllegalArgumentException.class, () -> FamilyRouting.of(networkOnly, Family.AUDIT));
    }
}
