package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.watchpost.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Context values become settings without synthesizing anything; cdk.json may give numbers, lists and maps. */
final class DeploySettingsTest {
    @Test
    void usesTheDefaults_whenTheContextIsEmpty() {
        DeploySettings settings = DeploySettings.fromContext(context(Map.of()));

        assertEquals(Settings.DEFAULT_NAME_PREFIX, settings.namePrefix());
        assertEquals(Optional.empty(), settings.alertEmail());
        assertEquals(RetentionDays.THREE_MONTHS, settings.logRetention());
        assertFalse(settings.tracing());
        assertEquals(Map.of(), settings.functionEnvironment());
    }

    @Test
    void acceptsJsonTypedValuesFromCdkJson() {
        DeploySettings settings = DeploySettings.fromContext(context(Map.of(
                DeploySettings.ADMIN_PORTS, List.of(22, 2222),
                DeploySettings.INTERNET_PREFIX_LENGTH, 8.0,
                DeploySettings.TRUSTED_CIDRS, List.of("198.51.100.0/24", "2001:db8::/32"),
                DeploySettings.REMEDIATION_MODES, Map.of("network.sg-admin-port-open", "DRY_RUN"),
                DeploySettings.LOG_RETENTION_DAYS, 365,
                DeploySettings.TRACING, true)));

        assertEquals(Map.of(
                Settings.ADMIN_PORTS, "22,2222",
                Settings.INTERNET_PREFIX_LENGTH, "8",
                Settings.TRUSTED_CIDRS, "198.51.100.0/24,2001:db8::/32",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN"), settings.functionEnvironment());
        assertEquals(RetentionDays.ONE_YEAR, settings.logRetention());
        assertEquals(true, settings.tracing());
    }

    @Test
    void treatsBlankValuesAsUnset() {
        DeploySettings settings = DeploySettings.fromContext(context(Map.of(
                DeploySettings.ADMIN_PORTS, " ",
                DeploySettings.ALERT_EMAIL, "")));

        assertEquals(Map.of(), settings.functionEnvironment());
        assertEquals(Optional.empty(), settings.alertEmail());
    }

    private static java.util.function.Function<String, Object> context(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
        return all::get;
    }
}
