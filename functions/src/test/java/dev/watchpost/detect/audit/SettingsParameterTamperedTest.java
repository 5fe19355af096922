package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.evaluate;
import static dev.watchpost.detect.audit.TamperFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

class SettingsParameterTamperedTest {
    private final SettingsParameterTampered detection = new SettingsParameterTampered(Fixtures.parameters());

    @Test
    void isCritical_whenTheSettingsAreWrittenOrDeleted() {
        assertEquals(Severity.CRITICAL, only(detection, "PutParameter.settings").severity());
        assertEquals(Severity.CRITICAL, only(detection, "DeleteParameter.settings").severity());
    }

    @Test
    void isLow_whenWatchpostsDeployWritesThem() {
        assertEquals(Severity.LOW, only(detection, "PutParameter.watchpost-deploy").severity());
    }

    @Test
    void ignoresOtherParameters() {
        assertTrue(evaluate(detection, "PutParameter.other-parameter").isEmpty());
    }

    @Test
    void findsTheSettingsAmongSeveralDeletedParameters() throws Exception {
        var tree = Fixtures.tree("audit/DeleteParameter.settings.json");
        ObjectNode detail = (ObjectNode) tree.path("detail");
        detail.put("eventName", "DeleteParameters");
        ((ObjectNode) detail.path("requestParameters")).removeAll().putArray("names")
                .add("/payments/flags").add("/watchpost/settings");
        assertEquals("/watchpost/settings",
                detection.evaluate(CloudTrailEvent.of(tree)).getFirst().context().get("resource"));
    }
}
