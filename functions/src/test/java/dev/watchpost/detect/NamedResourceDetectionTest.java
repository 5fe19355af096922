package dev.watchpost.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.audit.TrailDeleted;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedResourceDetectionTest {
    private static final String FIXTURE = "audit/DeleteTrail.deleted.json";
    private static final NamedResource TRAIL = NamedResource.requestParameter(Resource.TRAIL, "name", "trailName")
            .shownAs(String::toUpperCase);

    /** A detection of this shape under a catalog id, with its own words. */
    private static final class Named extends NamedResourceDetection {
        Named(String title) {
            super(TrailDeleted.ID, TRAIL, title);
        }
    }

    private static CloudTrailEvent withName(String name) {
        return Fixtures.edited(FIXTURE, "/detail/requestParameters", request -> request.put("name", name));
    }

    @Test
    void namesTheResourceInTitleResourcesAndContext_showingItByItsLabel() {
        Finding finding = new Named("Trail {a trail} gone").evaluate(withName("audit")).getFirst();
        assertEquals("Trail AUDIT gone", finding.title());
        assertEquals(List.of(new Resource(Resource.TRAIL, "audit")), finding.resources());
        assertEquals(Map.of("trailName", "audit"), finding.context());
    }

    @Test
    void saysTheStandInWhenTheEventDoesNotNameTheResource() {
        Finding finding = new Named("Trail {a trail} gone").evaluate(withName("")).getFirst();
        assertEquals("Trail a trail gone", finding.title());
        assertTrue(finding.resources().isEmpty());
        assertTrue(finding.context().isEmpty());
    }

    @Test
    void dropsTheResourcePlaceWithItsSpace_whenTheStandInIsEmpty() {
        assertEquals("Trail gone", new Named("Trail {} gone").evaluate(withName("")).getFirst().title());
    }

    @Test
    void rejectsATitleWithoutThePlace_namingTheDetection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Named("Trail gone"));
        assertTrue(e.getMessage().contains(TrailDeleted.ID), e.getMessage());
    }

    @Test
    void neverFiresOnAFailedCall() {
        assertTrue(new Named("Trail {} gone").evaluate(Fixtures.event("audit/DeleteTrail.failed.json")).isEmpty());
    }
}
