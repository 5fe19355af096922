package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How OU scopes and exemptions combine with accounts and every-account settings, on paths given directly. */
class RuntimeSettingsOuTest {
    private static final String SG = "network.sg-admin-port-open";
    private static final String SERIAL = "access.serial-console-enabled";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String ROOT = "r-ab12";
    private static final String PROD = "ou-ab12-prod0001";
    private static final String PROD_WEB = "ou-ab12-prodweb1";
    private static final String SANDBOX = "ou-ab12-sbox0001";
    private static final String ACCOUNT = "444444444444";
    private static final LocalDate TODAY = LocalDate.of(2030, 1, 15);
    private static final OuPath IN_PROD_WEB = new OuPath.Known(List.of(PROD_WEB, PROD, ROOT));
    private static final OuPath IN_PROD = new OuPath.Known(List.of(PROD, ROOT));
    private static final OuPath IN_SANDBOX = new OuPath.Known(List.of(SANDBOX, ROOT));

    private final RuntimeSettings settings = RuntimeSettingsJson.parse("""
            {"modes": {"network.sg-admin-port-open": "OFF"},
             "ous": {"r-ab12": {"mode": "DRY_RUN"},
                     "ou-ab12-prod0001": {"mode": "ENFORCE"},
                     "ou-ab12-prodweb1": {"modes": {"access.serial-console-enabled": "DRY_RUN"}},
                     "ou-ab12-sbox0001": {"mode": "DRY_RUN",
                        "exempt": {"network.sg-admin-port-open": {"until": "2030-01-15", "reason": "CHG-42"}}}},
             "accounts": {"555555555555": {"modes": {"network.sg-admin-port-open": "DRY_RUN"}}}}""");

    private ModeDecision decide(String detection, String account, OuPath path) {
        return settings.decide(detection, account, path, TODAY, RemediationMode.OFF, PARAMETER);
    }

    private RemediationMode mode(String detection, String account, OuPath path) {
        return assertInstanceOf(ModeDecision.Use.class, decide(detection, account, path)).mode();
    }

    @Test
    void anOusMode_winsOverTheModeForEveryAccount() {
        assertEquals(RemediationMode.ENFORCE, mode(SG, ACCOUNT, IN_PROD));
    }

    @Test
    void theInnermostOuThatNamesAMode_wins_andAnOuterOneFillsTheRest() {
        assertEquals(RemediationMode.DRY_RUN, mode(SERIAL, ACCOUNT, IN_PROD_WEB));
        assertEquals(RemediationMode.ENFORCE, mode(SG, ACCOUNT, IN_PROD_WEB));
    }

    @Test
    void theAccountsOwnMode_winsOverItsOus() {
        assertEquals(RemediationMode.DRY_RUN, mode(SG, "555555555555", IN_PROD));
    }

    @Test
    void theRoot_appliesWhereNoInnerOuNamesAMode() {
        OuPath elsewhere = new OuPath.Known(List.of("ou-ab12-other001", ROOT));
        assertEquals(RemediationMode.DRY_RUN, mode(SERIAL, ACCOUNT, elsewhere));
    }

    @Test
    void anActiveExemption_skipsWithItsReasonAndLastDay() {
        var exempt = assertInstanceOf(ModeDecision.Exempt.class, decide(SG, ACCOUNT, IN_SANDBOX));
        assertEquals(SG + " is exempt in OU " + SANDBOX + " (holding account " + ACCOUNT + ") until 2030-01-15 by "
                + PARAMETER + ": CHG-42; nothing was changed", exempt.reason());
    }

    @Test
    void anExpiredExemption_noLongerHolds_andTheNoteSaysSo() {
        var use = assertInstanceOf(ModeDecision.Use.class,
                settings.decide(SG, ACCOUNT, IN_SANDBOX, TODAY.plusDays(1), RemediationMode.OFF, PARAMETER));
        assertEquals(RemediationMode.DRY_RUN, use.mode());
        assertEquals("the exemption of " + SG + " in OU " + SANDBOX + " (holding account " + ACCOUNT + ") ended on "
                + "2030-01-15", use.note());
    }

    @Test
    void anOusKillSwitch_winsOverTheAccountsMode() {
        RuntimeSettings off = RuntimeSettingsJson.parse("""
                {"ous": {"ou-ab12-prod0001": {"remediation": "off"}},
                 "accounts": {"444444444444": {"mode": "ENFORCE"}}}""");
        var decision = assertInstanceOf(ModeDecision.SwitchedOff.class,
                off.decide(SG, ACCOUNT, IN_PROD_WEB, TODAY, RemediationMode.ENFORCE, PARAMETER));
        assertTrue(decision.reason().contains("for OU " + PROD + " (holding account " + ACCOUNT + ")"),
                decision.reason());
    }

    @Test
    void anUnknownPath_neverEnforces_andSaysWhy() {
        var use = assertInstanceOf(ModeDecision.Use.class,
                decide(SG, ACCOUNT, new OuPath.Unknown("AccessDeniedException (HTTP 400)")));
        assertEquals(RemediationMode.OFF, use.mode(), "the every-account mode, since no OU applied");
        var capped = assertInstanceOf(ModeDecision.Use.class, RuntimeSettingsJson.parse(
                "{\"ous\":{\"ou-ab12-sbox0001\":{\"mode\":\"DRY_RUN\"}}}").decide(SG, ACCOUNT,
                new OuPath.Unknown("AccessDeniedException (HTTP 400)"), TODAY, RemediationMode.ENFORCE, PARAMETER));
        assertEquals(RemediationMode.DRY_RUN, capped.mode());
        assertEquals("not enforced: the OUs of account " + ACCOUNT + " could not be read (AccessDeniedException "
                + "(HTTP 400)), so the OU settings of " + PARAMETER + " were not applied and the mode is at most "
                + "DRY_RUN", capped.note());
    }

    @Test
    void anUnknownPath_stillEnforces_whereTheAccountsOwnModeDecidesAndNoOuCouldStopIt() {
        RuntimeSettings own = RuntimeSettingsJson.parse("""
                {"ous": {"ou-ab12-sbox0001": {"mode": "DRY_RUN"}},
                 "accounts": {"444444444444": {"mode": "ENFORCE"}}}""");
        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), own.decide(SG, ACCOUNT,
                new OuPath.Unknown("throttled"), TODAY, RemediationMode.OFF, PARAMETER));
    }

    @Test
    void anUnknownPath_doesNotEnforce_whenSomeOuCouldSwitchItOff() {
        RuntimeSettings own = RuntimeSettingsJson.parse("""
                {"ous": {"ou-ab12-sbox0001": {"remediation": "off"}},
                 "accounts": {"444444444444": {"mode": "ENFORCE"}}}""");
        var use = assertInstanceOf(ModeDecision.Use.class, own.decide(SG, ACCOUNT, new OuPath.Unknown("throttled"),
                TODAY, RemediationMode.OFF, PARAMETER));
        assertEquals(RemediationMode.DRY_RUN, use.mode());
    }

    @Test
    void differences_nameTheOu() {
        RuntimeSettings after = RuntimeSettingsJson.parse("{\"ous\":{\"" + PROD + "\":{\"mode\":\"ENFORCE\"}}}");
        assertEquals(List.of("mode of every detection in OU " + PROD + ": (unset) → ENFORCE"),
                after.differencesFrom(RuntimeSettings.NONE));
    }
}
