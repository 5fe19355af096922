package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.remediate.RemediationMode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeSettingsJsonTest {
    private static final String SG = "network.sg-admin-port-open";
    private static final String SERIAL = "access.serial-console-enabled";

    @Test
    void readsTheDocumentedExample() {
        RuntimeSettings settings = RuntimeSettingsJson.parse("""
                {
                  "remediation": "on",
                  "modes": {"access.serial-console-enabled": "ENFORCE"},
                  "accounts": {
                    "111111111111": {"mode": "ENFORCE"},
                    "222222222222": {"mode": "dry-run", "modes": {"network.sg-admin-port-open": "ENFORCE"}},
                    "333333333333": {"remediation": "off"}
                  }
                }""");
        assertFalse(settings.switchedOff());
        assertEquals(Map.of(SERIAL, RemediationMode.ENFORCE), settings.modes());
        assertEquals(new RuntimeSettings.Scope(false, Optional.of(RemediationMode.DRY_RUN),
                Map.of(SG, RemediationMode.ENFORCE)), settings.accounts().get("222222222222"));
        assertTrue(settings.accounts().get("333333333333").switchedOff());
    }

    @Test
    void theInitialValueIsValidAndSetsNothing() {
        assertEquals(RuntimeSettings.NONE, RuntimeSettingsJson.parse(RuntimeSettingsJson.INITIAL_VALUE));
    }

    @Test
    void writesWhatItReads_compactAndSorted() {
        String text = "{\"remediation\":\"off\",\"modes\":{\"" + SG + "\":\"DRY_RUN\",\"" + SERIAL + "\":\"OFF\"},"
                + "\"accounts\":{\"222222222222\":{\"mode\":\"ENFORCE\"},\"111111111111\":{\"remediation\":\"off\"}}}";
        String written = RuntimeSettingsJson.write(RuntimeSettingsJson.parse(text));
        assertEquals("{\"remediation\":\"off\",\"modes\":{\"" + SERIAL + "\":\"OFF\",\"" + SG + "\":\"DRY_RUN\"},"
                + "\"accounts\":{\"111111111111\":{\"remediation\":\"off\"},\"222222222222\":{\"mode\":\"ENFORCE\"}}}",
                written);
        assertEquals(RuntimeSettingsJson.parse(text), RuntimeSettingsJson.parse(written));
    }

    @Test
    void rejectsAnUnknownDetection_namingItAndTheKnownOnes() {
        var e = assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"modes\":{\"network.sg-admin-port-opn\":\"ENFORCE\"}}"));
        assertTrue(e.getMessage().contains("modes: \"network.sg-admin-port-opn\" is not a detection with a "
                + "remediation"), e.getMessage());
        assertTrue(e.getMessage().contains(SG), e.getMessage());
    }

    @Test
    void rejectsADetectionWithoutARemediation() {
        assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"modes\":{\"audit.trail-deleted\":\"ENFORCE\"}}"));
    }

    @Test
    void rejectsABadMode_namingWhere() {
        var e = assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(
                "{\"accounts\":{\"111111111111\":{\"modes\":{\"" + SG + "\":\"ENFORCED\"}}}}"));
        assertEquals("accounts.111111111111.modes." + SG + ": \"ENFORCED\" is not a mode (expected OFF, DRY_RUN or "
                + "ENFORCE)", e.getMessage());
    }

    @Test
    void rejectsAnAccountThatIsNotTwelveDigits() {
        var e = assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"accounts\":{\"12345\":{\"mode\":\"OFF\"}}}"));
        assertEquals("accounts: \"12345\" is not a 12-digit account id", e.getMessage());
    }

    @Test
    void rejectsAKillSwitchThatIsNotOnOrOff() {
        var e = assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"remediation\":false}"));
        assertEquals("remediation: \"false\" is not on or off", e.getMessage());
    }

    @Test
    void rejectsUnknownAndDuplicateKeys() {
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse("{\"mode\":\"OFF\"}"));
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(
                "{\"remediation\":\"off\",\"remediation\":\"on\"}"));
    }

    @Test
    void rejectsOrganizationalUnits_sayingWhy() {
        var e = assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"ous\":{\"ou-ab12-cdefgh34\":{\"mode\":\"OFF\"}}}"));
        assertTrue(e.getMessage().startsWith("\"ous\" is not yet supported"), e.getMessage());
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse("off"));
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse("[]"));
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(""));
    }

    @Test
    void rejectsMoreThanAStandardParameterHolds() {
        String big = "{\"remediation\":\"on\"" + " ".repeat(RuntimeSettingsJson.MAX_LENGTH) + "}";
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(big));
    }
}
