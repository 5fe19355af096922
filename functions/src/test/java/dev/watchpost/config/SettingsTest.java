package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.remediate.RemediationMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    @Test
    void hasSensibleDefaults() {
        Settings settings = Settings.defaults();
        assertEquals(Set.of(22, 3389), settings.detection().adminPorts());
        assertEquals(0, settings.detection().internetPrefixLength());
        assertTrue(settings.detection().trustedCidrs().isEmpty());
        assertEquals("watchpost:exempt", settings.exemptTagKey());
        assertEquals("watchpost", settings.namePrefix());
        assertTrue(settings.remediationModes().isEmpty());
        assertEquals("", settings.topicArn());
    }

    @Test
    void readsEveryVariable() {
        Settings settings = Settings.fromEnvironment(Map.of(
                Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:watchpost-alerts",
                Settings.ADMIN_PORTS, "22, 3389,5985",
                Settings.INTERNET_PREFIX_LENGTH, "7",
                Settings.TRUSTED_CIDRS, "198.51.100.0/24,2001:db8::/32",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=dry-run",
                Settings.EXEMPT_TAG_KEY, "secops:exempt",
                Settings.OWN_ROLE_ARNS, "arn:aws:iam::123456789012:role/watchpost-network-us-east-1",
                Settings.NAME_PREFIX, "wp-prod"));
        assertEquals(Set.of(22, 3389, 5985), settings.detection().adminPorts());
        assertEquals(7, settings.detection().internetPrefixLength());
        assertEquals(2, settings.detection().trustedCidrs().size());
        assertEquals(RemediationMode.DRY_RUN, settings.remediationModes().get("network.sg-admin-port-open"));
        assertEquals("secops:exempt", settings.exemptTagKey());
        assertEquals(Set.of("arn:aws:iam::123456789012:role/watchpost-network-us-east-1"), settings.ownRoleArns());
        assertEquals("wp-prod", settings.namePrefix());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WATCHPOST_ADMIN_PORTS|22,ssh",
            "WATCHPOST_ADMIN_PORTS|70000",
            "WATCHPOST_INTERNET_PREFIX_LENGTH|33",
            "WATCHPOST_INTERNET_PREFIX_LENGTH|wide",
            "WATCHPOST_TRUSTED_CIDRS|198.51.100.0/24,office",
            "WATCHPOST_REMEDIATION_MODES|network.sg-admin-port-open=MAYBE",
            "WATCHPOST_REMEDIATION_MODES|ENFORCE",
            "WATCHPOST_EXEMPT_TAG_KEY|aws:reserved",
            "WATCHPOST_OWN_ROLE_ARNS|watchpost-network",
            "WATCHPOST_NAME_PREFIX|Watch Post",
            "WATCHPOST_TOPIC_ARN|my-topic"})
    void failsNamingTheVariable(String variable, String value) {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(variable, value)));
        assertTrue(error.getMessage().startsWith(variable + "="), error.getMessage());
    }
}
