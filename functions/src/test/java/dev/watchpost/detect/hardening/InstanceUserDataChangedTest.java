package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import org.junit.jupiter.api.Test;

/**
 * User data changes: {@code requestParameters.userData} is what Panther's rule reads; the {@code attribute=userData}
 * form is what Elastic's hunting query dissects. Both are read.
 */
class InstanceUserDataChangedTest {
    private final InstanceUserDataChanged detection = new InstanceUserDataChanged();

    @Test
    void firesHigh_whenUserDataIsReplaced() {
        Finding finding = detection.evaluate(Fixtures.event("hardening/ModifyInstanceAttribute.user-data.json"))
                .getFirst();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"), finding.resources().getFirst());
    }

    @Test
    void fires_inTheAttributeValueForm() {
        assertEquals(1, detection.evaluate(
                Fixtures.event("hardening/ModifyInstanceAttribute.user-data-attribute-form.json")).size());
    }

    @Test
    void ignoresOtherAttributes_aDryRunAndAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyInstanceAttribute.group-set.json")).isEmpty());
        assertTrue(detection.evaluate(
                Fixtures.event("hardening/ModifyInstanceAttribute.instance-type.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyInstanceAttribute.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/ModifyInstanceAttribute.failed.json")).isEmpty());
    }
}
