package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.evaluate;
import static dev.watchpost.detect.audit.TamperFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertKeyTamperedTest {
    private final AlertKeyTampered detection = new AlertKeyTampered(Fixtures.parameters());

    @ParameterizedTest
    @ValueSource(strings = {"DisableKey.alert-key", "ScheduleKeyDeletion.alert-key-id", "ScheduleKeyDeletion.by-alias",
            "PutKeyPolicy.alert-key", "DisableKeyRotation.alert-key", "DeleteAlias.alert-alias",
            "UpdateAlias.alert-alias"})
    void isCritical_whenACallCanSilenceTheAlerts(String fixture) {
        Finding finding = only(detection, fixture);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(fixture.substring(0, fixture.indexOf('.')), finding.context().get("call"));
    }

    @Test
    void recognisesTheKeyByItsBareId() {
        assertEquals("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                only(detection, "ScheduleKeyDeletion.alert-key-id").context().get("resource"));
    }

    @Test
    void isHigh_whenAGrantLetsSomeoneElseUseTheKey() {
        assertEquals(Severity.HIGH, only(detection, "CreateGrant.alert-key").severity());
    }

    @Test
    void staysCritical_whenAnotherStacksCloudFormationChangesTheKey() {
        Finding finding = only(detection, "PutKeyPolicy.another-stack");
        assertEquals(Severity.CRITICAL, finding.severity());
        assertTrue(finding.context().get("deployment").contains("assumed-role/Admin/mallory"),
                finding.context().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DisableKey.other-key", "DisableKey.failed", "CancelKeyDeletion.alert-key",
            "DeleteAlias.other-alias"})
    void ignoresOtherKeysFailedCallsAndRecovery(String fixture) {
        assertTrue(evaluate(detection, fixture).isEmpty());
    }

    @Test
    void recognisesOnlyTheAlias_whenTheKeyArnIsUnknown() {
        AlertKeyTampered unconfigured = new AlertKeyTampered(DetectionParameters.defaults());
        assertTrue(evaluate(unconfigured, "DisableKey.alert-key").isEmpty());
        assertEquals(Severity.CRITICAL, only(unconfigured, "ScheduleKeyDeletion.by-alias").severity());
    }
}
