package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeModesTest {
    private static final String SG = "network.sg-admin-port-open";
    private static final String PARAMETER = "/watchpost/settings";
    private static final String ACCOUNT = "123456789012";

    /** Records what it is told. */
    static final class Recorded implements SettingsTelemetry {
        final List<String> invalid = new ArrayList<>();
        final List<String> unavailable = new ArrayList<>();
        final List<List<String>> changed = new ArrayList<>();
        final List<String> ouFailures = new ArrayList<>();

        @Override
        public void settingsInvalid(String parameter, String reason) {
            invalid.add(reason);
        }

        @Override
        public void settingsUnavailable(String parameter, String reason) {
            unavailable.add(reason);
        }

        @Override
        public void settingsChanged(String parameter, List<String> differences) {
            changed.add(differences);
        }

        @Override
        public void ouLookupFailed(String account, String reason) {
            ouFailures.add(account + ": " + reason);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final Recorded telemetry = new Recorded();
    private String value = "{\"remediation\":\"on\"}";
    private boolean down;
    private int reads;
    private final SettingsReader reader = () -> {
        reads++;
        if (down) {
            throw new SettingsReader.SettingsUnavailableException("ThrottlingException: Rate exceeded", null);
        }
        return value;
    };
    private final RuntimeModes modes = new RuntimeModes(reader, PARAMETER, Map.of(SG, RemediationMode.DRY_RUN), clock,
            telemetry);

    private ModeDecision decide() {
        return modes.decide(SG, ACCOUNT, RemediationMode.ENFORCE);
    }

    @Test
    void usesTheDeployModes_whenTheParameterSetsNothing() {
        assertEquals(new ModeDecision.Use(RemediationMode.DRY_RUN), decide());
    }

    @Test
    void readsAtMostOncePerCacheTime() {
        decide();
        clock.advance(RuntimeModes.CACHE_TIME.minusMillis(1));
        decide();
        assertEquals(1, reads);
        clock.advance(Duration.ofMillis(1));
        decide();
        assertEquals(2, reads);
    }

    @Test
    void aChangedMode_takesEffectWhenTheCacheExpires_andItsDifferenceIsReportedOnce() {
        decide();
        value = "{\"modes\":{\"" + SG + "\":\"ENFORCE\"}}";
        assertEquals(new ModeDecision.Use(RemediationMode.DRY_RUN), decide());
        clock.advance(RuntimeModes.CACHE_TIME);
        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), decide());
        clock.advance(RuntimeModes.CACHE_TIME);
        decide();
        assertEquals(List.of(List.of("mode of " + SG + " (every account): (unset) → ENFORCE")), telemetry.changed);
    }

    @Test
    void anInvalidValue_keepsTheLastGoodSettings_andIsReported() {
        value = "{\"modes\":{\"" + SG + "\":\"ENFORCE\"}}";
        decide();
        value = "{\"modes\":{\"" + SG + "\":\"ENFORCED\"}}";
        clock.advance(RuntimeModes.CACHE_TIME);
        assertEquals(new ModeDecision.Use(RemediationMode.ENFORCE), decide());
        assertEquals(1, telemetry.invalid.size());
        assertTrue(telemetry.invalid.getFirst().contains("\"ENFORCED\" is not a mode"), telemetry.invalid.getFirst());
        assertTrue(telemetry.invalid.getFirst().endsWith("keeping the last good settings"));
    }

    @Test
    void anInvalidValueAtAColdStart_usesTheDeployModes() {
        value = "not json";
        assertEquals(new ModeDecision.Use(RemediationMode.DRY_RUN), decide());
        assertTrue(telemetry.invalid.getFirst().endsWith("using the deploy-time modes"));
    }

    @Test
    void ssmUnavailable_keepsTheLastGoodSettings_andIsCounted() {
        value = "{\"remediation\":\"off\"}";
        assertInstanceOf(ModeDecision.SwitchedOff.class, decide());
        down = true;
        clock.advance(RuntimeModes.CACHE_TIME);
        assertInstanceOf(ModeDecision.SwitchedOff.class, decide());
        assertEquals(1, telemetry.unavailable.size());
        assertTrue(telemetry.unavailable.getFirst().startsWith("ThrottlingException"));
    }

    @Test
    void ssmUnavailableAtAColdStart_usesTheDeployModes_andRetriesAfterTheCacheTime() {
        down = true;
        assertEquals(new ModeDecision.Use(RemediationMode.DRY_RUN), decide());
        down = false;
        value = "{\"modes\":{\"" + SG + "\":\"OFF\"}}";
        clock.advance(Duration.ofSeconds(61));
        assertEquals(new ModeDecision.Use(RemediationMode.OFF), decide());
    }

    @Test
    void buildingTheFunctionsPipeline_readsNothing_soASnapStartSnapshotHoldsNoSettings() {
        Map<String, String> env = Map.of(Settings.TOPIC_ARN,
                "arn:aws:sns:us-east-1:123456789012:watchpost-alerts", "AWS_REGION", "us-east-1");
        TestWiring.lambdaPipeline(Family.NETWORK, env,
                (region, credentials) -> Remediations.Clients.of(null, null), () -> null,
                AlertClients.snsOnly(new FakeSns()), settings -> modes);
        assertEquals(0, reads);
    }
}
