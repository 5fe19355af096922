package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.remediate.RemediationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuntimeSettingsJsonTest {
    private static final String SG = "network.sg-admin-port-open";
    private static final String SERIAL = "access.serial-console-enabled";

    @Test
    void readsTheExampleOfDocsConfiguration() throws IOException {
        String doc = Files.readString(Fixtures.root().getParent().resolve("docs/configuration.md"));
        int section = doc.indexOf("## Runtime settings");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        RuntimeSettings settings = RuntimeSettingsJson.parse(doc.substring(start, doc.indexOf("```", start)));
        assertFalse(settings.switchedOff());
        assertEquals(Map.of(SERIAL, RemediationMode.ENFORCE), settings.modes());
        assertEquals(Optional.of(RemediationMode.ENFORCE), settings.ous().get("ou-ab12-prod0001").mode());
        assertEquals(Optional.of(RemediationMode.DRY_RUN), settings.ous().get("ou-ab12-sbox0001").mode());
        assertEquals(LocalDate.of(2030, 1, 31), settings.ous().get("ou-ab12-payments").exempt().get(SG).until());
        assertEquals(new RuntimeSettings.Scope(false, Optional.of(RemediationMode.DRY_RUN), Map.of()),
                settings.accounts().get("111111111111"));
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

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("a bad mode, naming where",
                        "{\"accounts\":{\"111111111111\":{\"modes\":{\"" + SG + "\":\"ENFORCED\"}}}}",
                        "accounts.111111111111.modes." + SG + ": \"ENFORCED\" is not a mode (expected OFF, DRY_RUN or "
                                + "ENFORCE)"),
                Arguments.of("an account that is not twelve digits",
                        "{\"accounts\":{\"12345\":{\"mode\":\"OFF\"}}}",
                        "accounts: \"12345\" is not a 12-digit account id"),
                Arguments.of("a kill switch that is not on or off",
                        "{\"remediation\":false}",
                        "remediation: \"false\" is not on or off"),
                Arguments.of("an OU id that is neither an OU nor a root, naming it",
                        "{\"ous\":{\"ou-AB12-prod0001\":{\"mode\":\"OFF\"}}}",
                        "ous: \"ou-AB12-prod0001\" is not an OU id (ou- then 4-32 lower-case letters or digits, a "
                                + "dash, 8-32 more) or a root id (r- then 4-32)"),
                Arguments.of("an unknown key in an OU scope, naming the scope",
                        "{\"ous\":{\"ou-ab12-prod0001\":{\"modee\":\"OFF\"}}}",
                        "ous.ou-ab12-prod0001: unknown key \"modee\" (expected remediation, mode, modes, exempt)"),
                Arguments.of("an unknown top-level key, listing the known ones",
                        "{\"ou\":{}}",
                        "unknown key \"ou\" (expected remediation, modes, accounts, ous)"),
                Arguments.of("an exemption without its last day",
                        "{\"accounts\":{\"111111111111\":{\"exempt\":{\"" + SG + "\":{\"reason\":\"pentest\"}}}}}",
                        "accounts.111111111111.exempt." + SG + ".until is required: the last day the exemption holds "
                                + "(YYYY-MM-DD), so none is forgotten"),
                Arguments.of("an exemption whose day is not a date",
                        "{\"ous\":{\"r-ab12\":{\"exempt\":{\"" + SG
                                + "\":{\"until\":\"31/01/2030\",\"reason\":\"x\"}}}}}",
                        "ous.r-ab12.exempt." + SG + ".until: \"31/01/2030\" is not a date (expected YYYY-MM-DD)"),
                Arguments.of("an exemption without a reason",
                        "{\"ous\":{\"r-ab12\":{\"exempt\":{\"" + SG
                                + "\":{\"until\":\"2030-01-31\",\"reason\":\" \"}}}}}",
                        "ous.r-ab12.exempt." + SG + ".reason is required: a non-empty text the alerts show"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettings_sayingWhereAndWhy(String what, String json, String message) {
        var e = assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsUnknownAndDuplicateKeys() {
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse("{\"mode\":\"OFF\"}"));
        assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(
                "{\"remediation\":\"off\",\"remediation\":\"on\"}"));
    }

    @Test
    void readsOuScopes_andExemptions_andWritesThemBackSorted() {
        String text = """
                {"ous": {"r-ab12": {"mode": "DRY_RUN"},
                         "ou-ab12-prod0001": {"mode": "ENFORCE", "exempt": {"network.sg-admin-port-open":
                             {"until": "2030-01-31", "reason": "CHG-42 load test"}}}},
                 "accounts": {"111111111111": {"exempt": {"access.serial-console-enabled":
                             {"reason": "vendor debugging", "until": "2030-02-01"}}}}}""";
        RuntimeSettings settings = RuntimeSettingsJson.parse(text);
        assertEquals(new RuntimeSettings.Exempt(LocalDate.of(2030, 1, 31), "CHG-42 load test"),
                settings.ous().get("ou-ab12-prod0001").exempt().get(SG));
        assertEquals(Optional.of(RemediationMode.DRY_RUN), settings.ous().get("r-ab12").mode());
        assertEquals("{\"remediation\":\"on\",\"accounts\":{\"111111111111\":{\"exempt\":{\"" + SERIAL
                + "\":{\"reason\":\"vendor debugging\",\"until\":\"2030-02-01\"}}}},\"ous\":{\"ou-ab12-prod0001\":"
                + "{\"exempt\":{\"" + SG + "\":{\"reason\":\"CHG-42 load test\",\"until\":\"2030-01-31\"}},"
                + "\"mode\":\"ENFORCE\"},\"r-ab12\":{\"mode\":\"DRY_RUN\"}}}", RuntimeSettingsJson.write(settings));
        assertEquals(settings, RuntimeSettingsJson.parse(RuntimeSettingsJson.write(settings)));
    }

    @Test
    void rejectsAnAccountIdUsedAsAnOu() {
        var e = assertThrows(InvalidRuntimeSettingsException.class,
                () -> RuntimeSettingsJson.parse("{\"ous\":{\"111111111111\":{\"mode\":\"OFF\"}}}"));
        assertTrue(e.getMessage().startsWith("ous: \"111111111111\" is not an OU id"), e.getMessage());
    }

    @Test
    void rejectsAnExemptionOfADetectionWithoutRemediation() {
        var e = assertThrows(InvalidRuntimeSettingsException.class, () -> RuntimeSettingsJson.parse(
                "{\"ous\":{\"r-ab12\":{\"exempt\":{\"audit.nothing\":{\"until\":\"2030-01-31\",\"reason\":\"x\"}}}}}"));
        assertTrue(e.getMessage().startsWith("ous.r-ab12.exempt: \"audit.nothing\" is not a detection with a "
                + "remediation"), e.getMessage());
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
