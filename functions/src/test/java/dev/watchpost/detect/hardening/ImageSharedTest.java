package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/** AMI launch permissions, in the {@code launchPermission.add.items[]} shape of Panther's public test events. */
class ImageSharedTest {
    private final ImageShared detection = new ImageShared();

    @Test
    void firesHigh_whenMadePublic() {
        Finding finding = only(detection, "hardening/ModifyImageAttribute.public.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("ami-0f1e2d3c4b5a69780", finding.context().get("imageId"));
    }

    @Test
    void firesMedium_whenSharedWithAnOrganization() {
        CloudTrailEvent event = replacing("hardening/ModifyImageAttribute.public.json",
                "/detail/requestParameters/launchPermission/add/items/0", "group",
                item -> item.put("organizationArn", "arn:aws:organizations::210987654321:organization/o-abcde12345"));
        Finding finding = only(detection, event);
        assertEquals(Severity.MEDIUM, finding.severity());
        assertTrue(finding.context().get("sharedWith").contains("o-abcde12345"));
    }

    @Test
    void ignoresOtherAttributes() {
        assertTrue(findings(detection, "hardening/ModifyImageAttribute.description.json").isEmpty());
    }
}
