package dev.watchpost.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemediationsTest {
    private static final Remediations.Context CONTEXT = new Remediations.Context("watchpost:exempt",
            Clock.systemUTC(), new ExemptionWitness());

    @Test
    void eachEntryBuildsTheRemediationItDescribes() {
        for (Remediations.Entry entry : Remediations.shipped()) {
            assertEquals(entry.info(), entry.factory().apply(CONTEXT).info(), entry.info().id());
        }
    }

    @Test
    void idsAreUnique_andEachDetectionHasAtMostOneRemediation() {
        Set<String> ids = new HashSet<>();
        Set<String> detections = new HashSet<>();
        for (RemediationInfo info : Remediations.catalog()) {
            assertTrue(ids.add(info.id()), "two remediations named " + info.id());
            assertTrue(detections.add(info.detectionId()), "two remediations answer " + info.detectionId());
        }
    }

    @Test
    void eachRemediationAnswersAShippedDetection() {
        Set<String> shipped = Detections.defaults(DetectionParameters.defaults()).ids();
        for (RemediationInfo info : Remediations.catalog()) {
            assertTrue(shipped.contains(info.detectionId()), info.id() + " answers unknown " + info.detectionId());
        }
    }

    @Test
    void buildsOnlyTheRemediationsOfTheGivenDetections() {
        RemediationInfo first = Remediations.catalog().getFirst();
        List<Remediation> built = Remediations.forDetections(Set.of(first.detectionId(), "network.not-remediated"),
                "watchpost:exempt", Clock.systemUTC());
        assertEquals(List.of(first), built.stream().map(Remediation::info).toList());
    }
}
