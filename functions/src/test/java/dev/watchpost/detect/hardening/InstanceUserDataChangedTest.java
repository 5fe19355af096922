package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User data changes: {@code requestParameters.userData} is what Panther's rule reads; the {@code attribute=userData}
 * form is what Elastic's hunting query dissects. Both are read.
 */
class InstanceUserDataChangedTest {
    private final InstanceUserDataChanged detection = new InstanceUserDataChanged();

    @Test
    void firesHigh_whenUserDataIsReplaced() {
        Finding finding = only(detection, "hardening/ModifyInstanceAttribute.user-data.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"), finding.resources().getFirst());
    }

    @Test
    void fires_inTheAttributeValueForm() {
        assertEquals(1, findings(detection, "hardening/ModifyInstanceAttribute.user-data-attribute-form.json").size());
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"hardening/ModifyInstanceAttribute.group-set.json",
            "hardening/ModifyInstanceAttribute.instance-type.json"})
    void ignoresOtherAttributes(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }
}
