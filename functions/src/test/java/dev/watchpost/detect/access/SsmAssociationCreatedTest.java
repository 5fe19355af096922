package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
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
        Finding finding = detection.evaluate(Fixtures.event("access/CreateAssociation.shell-script-by-tag.json"))
                .getFirst();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("tag:Env=prod", finding.context().get("targets"));
        assertEquals("rate(30 minutes)", finding.context().get("schedule"));
        assertTrue(finding.context().get("associationId").startsWith("b7e2c4d1"));
        assertTrue(finding.title().contains("rate(30 minutes)"), finding.title());
    }

    @Test
    void ratesAnAwsOwnedInventoryAssociationLow() {
        assertEquals(Severity.LOW, detection.evaluate(Fixtures.event("access/CreateAssociation.inventory.json"))
                .getFirst().severity());
    }

    @Test
    void namesTheInstance_whenTheAssociationTargetsOneByInstanceId() throws Exception {
        CloudTrailEvent event = Fixtures.edited("access/CreateAssociation.shell-script-by-tag.json",
                "/detail/requestParameters", request -> {
                    request.remove("targets");
                    request.put("instanceId", "i-0a1b2c3d4e5f60718");
                });
        Finding finding = detection.evaluate(event).getFirst();
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"), finding.resources().getFirst());
    }

    @Test
    void ignoresAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("access/CreateAssociation.failed.json")).isEmpty());
    }
}
