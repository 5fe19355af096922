package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/** AMI launch permissions, in the {@code launchPermission.add.items[]} shape of Panther's public test events. */
class ImageSharedTest {
    private final ImageShared detection = new ImageShared();

    @Test
    void firesHigh_whenMadePublic() {
        Finding finding = detection.evaluate(Fixtures.event("hardening/ModifyImageAttribute.public.json")).getFirst();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("ami-0f1e2d3c4b5a69780", finding.context().get("imageId"));
    }

    @Test
    void firesMedium_whenSharedWithAnOrganization() throws Exception {
        CloudTrailEvent event = Fixtures.edited("hardening/ModifyImageAttribute.public.json",
                "/detail/requestParameters/launchPermission/add/items/0", item -> {
                    item.remove("group");
                    item.put("organizationArn", "arn:aws:organizations::210987654321:organization/o-abcde12345");
                });
        Finding finding = detection.evaluate(event).getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertTrue(finding.context().get("sharedWith").contains("o-abcde12345"));
    }

    @Test
    void ignoresOtherAttributes_aDryRunAndAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyImageAttribute.description.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyImageAttribute.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyImageAttribute.failed.json")).isEmpty());
    }
}
