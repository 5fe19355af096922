package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {
    private static final String SG = "network.sg-admin-port-open";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String PROD = "111111111111";
    private static final String SANDBOX = "222222222222";
    private static final LocalDate TODAY = LocalDate.of(2030, 1, 15);

    private final RuntimeSettings settings = RuntimeSettingsJson.parse("""
            {"modes": {"network.sg-admin-port-open": "DRY_RUN"},
             "accounts": {
               "111111111111": {"mode": "ENFORCE", "modes": {"network.sg-admin-port-open": "OFF"}},
               "222222222222": {"mode": "DRY_RUN"},
               "333333333333": {"remediation": "off", "modes": {"network.sg-admin-port-open": "ENFORCE"}}
             }}""");

    private RemediationMode mode(String detection, String account) {
        return assertInstanceOf(ModeDecision.Use.class,
                settings.decide(detection, account, OuPath.NONE, TODAY, RemediationMode.ENFORCE, PARAMETER)).mode();
    }

    @Test
    void accountAndDetection_winsOverEverything() {
        assertEquals(RemediationMode.OFF, mode(SG, PROD));
    }

    @Test
    void account_winsOverDetectionAndDefault() {
        assertEquals(RemediationMode.ENFORCE, mode("audit.trail-logging-stopped", PROD));
        assertEquals(RemediationMode.DRY_RUN, mode("audit.trail-logging-stopped", SANDBOX));
    }

    @Test
    void detection_winsOverTheDeployDefault_inAnAccountNotNamed() {
        assertEquals(RemediationMode.DRY_RUN, mode(SG, "444444444444"));
        assertEquals(RemediationMode.DRY_RUN, mode(SG, ""));
    }

    @Test
    void deployDefault_whenNothingIsSet() {
        assertEquals(RemediationMode.ENFORCE, mode("audit.trail-logging-stopped", "444444444444"));
    }

    @Test
    void anAccountsKillSwitch_winsOverItsModes_andSaysWhy() {
        var off = assertInstanceOf(ModeDecision.SwitchedOff.class,
                settings.decide(SG, "333333333333", OuPath.NONE, TODAY, RemediationMode.ENFORCE, PARAMETER));
        assertTrue(off.reason().startsWith("remediation switched off by /watchpost/settings"), off.reason());
        assertTrue(off.reason().contains("333333333333"), off.reason());
    }

    @Test
    void theGlobalKillSwitch_winsOverEveryAccount() {
        RuntimeSettings off = RuntimeSettingsJson.parse(
                "{\"remediation\":\"off\",\"accounts\":{\"111111111111\":{\"mode\":\"ENFORCE\"}}}");
        assertInstanceOf(ModeDecision.SwitchedOff.class,
                off.decide(SG, PROD, OuPath.NONE, TODAY, RemediationMode.ENFORCE, PARAMETER));
        assertInstanceOf(ModeDecision.SwitchedOff.class,
                off.decide(SG, "", OuPath.NONE, TODAY, RemediationMode.ENFORCE, PARAMETER));
    }

    @Test
    void differences_sayWhatChangedFromWhatToWhat() {
        RuntimeSettings before = RuntimeSettingsJson.parse("{\"modes\":{\"" + SG + "\":\"DRY_RUN\"}}");
        RuntimeSettings after = RuntimeSettingsJson.parse(
                "{\"remediation\":\"off\",\"modes\":{\"" + SG + "\":\"ENFORCE\"}}");
        assertEquals(List.of("mode of " + SG + " (every account): DRY_RUN → ENFORCE",
                "remediation (every account): on → off"), after.differencesFrom(before));
        assertEquals(List.of(), after.differencesFrom(after));
    }
}
