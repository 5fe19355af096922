package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/**
 * CreateAssociation: the request's {@code name} is the document; the response's {@code associationDescription} is
 * inferred from the API's {@code AssociationDescription} (no public CloudTrail sample found).
 */
class SsmAssociationCreatedTest {
    private final SsmAssociationCreated detection = new SsmAssociationCreated();

    @Test
    void ratesAShellAssociationHigh_andReportsTargetsAndSchedule() {
        Finding finding = only(detection, "access/CreateAssociation.shell-script-by-tag.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("tag:Env=prod", finding.context().get("targets"));
        assertEquals("rate(30 minutes)", finding.context().get("schedule"));
        assertTrue(finding.context().get("associationId").startsWith("b7e2c4d1"));
        assertTrue(finding.title().contains("rate(30 minutes)"), finding.title());
    }

    @Test
    void ratesAnAwsOwnedInventoryAssociationLow() {
        assertEquals(Severity.LOW, only(detection, "access/CreateAssociation.inventory.json").severity());
    }

    @Test
    void namesTheInstance_whenTheAssociationTargetsOneByInstanceId() {
        CloudTrailEvent event = replacing("access/CreateAssociation.shell-script-by-tag.json",
                "/detail/requestParameters", "targets", request -> request.put("instanceId", "i-0a1b2c3d4e5f60718"));
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"),
                only(detection, event).resources().getFirst());
    }
}
