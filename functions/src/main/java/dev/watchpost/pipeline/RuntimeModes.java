package dev.watchpost.pipeline;

import dev.watchpost.config.InvalidRuntimeSettingsException;
import dev.watchpost.config.OuPath;
import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.remediate.RemediationMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The modes in force, from the runtime settings parameter over the deploy-time modes, read at most once per
 * {@link #CACHE_TIME} (on the first finding with a remediation after that, never at start, so a SnapStart snapshot
 * holds no settings). A new valid value takes effect at once and its differences are reported once; an invalid value
 * is reported and the last good settings stay in force; an unreadable parameter is reported and the last good
 * settings stay, which at a cold start are the deploy-time modes alone. While the settings name an OU, each
 * account's OUs are asked of an {@link AccountOus} (cached there); otherwise nothing is asked. Thread-safe: reads are
 * serialised, so one container asks SSM at most once per cache time.
 */
public final class RuntimeModes implements ModeSource {
    /** How long a read value is used before SSM is asked again; a change takes effect within this. */
    public static final Duration CACHE_TIME = Duration.ofSeconds(60);

    private final SettingsReader reader;
    private final String parameter;
    private final Map<String, RemediationMode> deployModes;
    private final Clock clock;
    private final SettingsTelemetry telemetry;
    private final AccountOus ous;

    private RuntimeSettings current = RuntimeSettings.NONE;
    /** The value {@link #current} was read from; null until a valid value was read. */
    private String currentText;
    private Instant readAt;

    /**
     * @param reader      reads the parameter
     * @param parameter   its name, for reports and the kill switch's reason
     * @param deployModes the deploy-time modes ({@code WATCHPOST_REMEDIATION_MODES}), under the runtime settings
     * @param clock       when the cache expires
     * @param telemetry   told of invalid values, failed reads and changes
     */
    public RuntimeModes(SettingsReader reader, String parameter, Map<String, RemediationMode> deployModes, Clock clock,
                        SettingsTelemetry telemetry) {
        this(reader, parameter, deployModes, clock, telemetry, AccountOus.NOT_IN_ORGANIZATION_MODE);
    }

    /**
     * As above, with {@code ous} telling which OUs hold an account, asked only while the settings name an OU.
     */
    public RuntimeModes(SettingsReader reader, String parameter, Map<String, RemediationMode> deployModes, Clock clock,
                        SettingsTelemetry telemetry, AccountOus ous) {
        this.reader = reader;
        this.parameter = parameter;
        this.deployModes = Map.copyOf(deployModes);
        this.clock = clock;
        this.telemetry = telemetry;
        this.ous = ous;
    }

    /** Exemptions end with the {@code until} day in UTC. */
    @Override
    public ModeDecision decide(String detectionId, String account, RemediationMode fallback) {
        RuntimeSettings settings = settings();
        OuPath path = settings.hasOus() && !account.isEmpty() ? ous.pathOf(account) : OuPath.NONE;
        return settings.decide(detectionId, account, path, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                deployModes.getOrDefault(detectionId, fallback), parameter);
    }

    /** The settings in force now, reading the parameter first when the cache has expired. */
    public synchronized RuntimeSettings settings() {
        Instant now = clock.instant();
        if (readAt != null && now.isBefore(readAt.plus(CACHE_TIME))) {
            return current;
        }
        readAt = now;
        String text;
        try {
            text = reader.read();
        } catch (SettingsReader.SettingsUnavailableException e) {
            telemetry.settingsUnavailable(parameter, e.getMessage()
                    + (currentText == null ? "; using the deploy-time modes" : "; keeping the last good settings"));
            return current;
        }
        if (text.equals(currentText)) {
            return current;
        }
        RuntimeSettings next;
        try {
            next = RuntimeSettingsJson.parse(text);
        } catch (InvalidRuntimeSettingsException e) {
            telemetry.settingsInvalid(parameter, e.getMessage()
                    + (currentText == null ? "; using the deploy-time modes" : "; keeping the last good settings"));
            return current;
        }
        List<String> differences = next.differencesFrom(current);
        current = next;
        currentText = text;
        if (!differences.isEmpty()) {
            telemetry.settingsChanged(parameter, differences);
        }
        return current;
    }
}
