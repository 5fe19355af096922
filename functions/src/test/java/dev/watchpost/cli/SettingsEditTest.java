package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsEditTest {
    private static final String SG = "network.sg-admin-port-open";

    private static String edited(String current, String... words) throws UsageException {
        RuntimeSettings settings = RuntimeSettingsJson.parse(current);
        return RuntimeSettingsJson.write(SettingsEdit.parse(List.of(words)).applyTo(settings));
    }

    @Test
    void setsAModeForEveryAccount() throws UsageException {
        assertEquals("{\"remediation\":\"on\",\"modes\":{\"" + SG + "\":\"ENFORCE\"}}",
                edited(RuntimeSettingsJson.INITIAL_VALUE, SG + "=enforce"));
    }

    @Test
    void setsAnAccountsModeForEveryDetection_andSwitchesItOff_leavingOtherAccountsAlone() throws UsageException {
        String current = "{\"accounts\":{\"222222222222\":{\"mode\":\"ENFORCE\"}}}";
        assertEquals("{\"remediation\":\"on\",\"accounts\":{\"111111111111\":{\"mode\":\"DRY_RUN\",\"remediation\":"
                + "\"off\"},\"222222222222\":{\"mode\":\"ENFORCE\"}}}",
                edited(current, "all=DRY_RUN", "off", "account=111111111111"));
    }

    @Test
    void default_removesTheSetting_andAnEmptyAccountDisappears() throws UsageException {
        String current = "{\"accounts\":{\"111111111111\":{\"modes\":{\"" + SG + "\":\"OFF\"}}}}";
        assertEquals(RuntimeSettingsJson.INITIAL_VALUE, edited(current, SG + "=default", "account=111111111111"));
    }

    @Test
    void theGlobalKillSwitch_keepsEveryMode() throws UsageException {
        assertEquals("{\"remediation\":\"off\",\"modes\":{\"" + SG + "\":\"ENFORCE\"}}",
                edited("{\"modes\":{\"" + SG + "\":\"ENFORCE\"}}", "off"));
    }

    @Test
    void refusesNothingToSet_andAWordThatIsNotAnEdit() {
        assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of("account=111111111111")));
        UsageException e = assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of("enforce")));
        assertTrue(e.getMessage().startsWith("\"enforce\" is not an edit"), e.getMessage());
        assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of("off", "account=111111111111",
                "account=222222222222")));
    }

    @Test
    void setsAnOusMode_andSwitchesTheRootOff_inTheSameSyntaxAsAccounts() throws UsageException {
        assertEquals("{\"remediation\":\"on\",\"ous\":{\"ou-ab12-sbox0001\":{\"mode\":\"DRY_RUN\"}}}",
                edited(RuntimeSettingsJson.INITIAL_VALUE, "all=DRY_RUN", "ou=ou-ab12-sbox0001"));
        assertEquals("{\"remediation\":\"on\",\"ous\":{\"r-ab12\":{\"remediation\":\"off\"}}}",
                edited(RuntimeSettingsJson.INITIAL_VALUE, "off", "ou=r-ab12"));
    }

    @Test
    void setsAndRemovesAnAccountsExemption() throws UsageException {
        String exempt = edited(RuntimeSettingsJson.INITIAL_VALUE, "exempt:" + SG + "=2030-01-31", "reason=pentest",
                "account=111111111111");
        assertEquals("{\"remediation\":\"on\",\"accounts\":{\"111111111111\":{\"exempt\":{\"" + SG
                + "\":{\"reason\":\"pentest\",\"until\":\"2030-01-31\"}}}}}", exempt);
        assertEquals(RuntimeSettingsJson.INITIAL_VALUE, edited(exempt, "exempt:" + SG + "=default",
                "account=111111111111"));
    }

    @Test
    void refusesAnExemptionWithoutScopeReasonOrDate_namingTheWord() {
        UsageException unscoped = assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of(
                "exempt:" + SG + "=2030-01-31", "reason=x")));
        assertTrue(unscoped.getMessage().contains("add account=ID or ou=ID"), unscoped.getMessage());
        UsageException reasonless = assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of(
                "exempt:" + SG + "=2030-01-31", "ou=r-ab12")));
        assertEquals("\"exempt:" + SG + "=2030-01-31\": an exemption needs reason=TEXT, which the alerts show",
                reasonless.getMessage());
        UsageException undated = assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of(
                "exempt:" + SG + "=soon", "reason=x", "ou=r-ab12")));
        assertTrue(undated.getMessage().startsWith("\"exempt:" + SG + "=soon\": soon is not a date"),
                undated.getMessage());
    }

    @Test
    void refusesAnAccountAndAnOuTogether() {
        UsageException e = assertThrows(UsageException.class, () -> SettingsEdit.parse(List.of("off",
                "account=111111111111", "ou=r-ab12")));
        assertEquals("give account= or ou=, not both (one scope per command)", e.getMessage());
    }
}
