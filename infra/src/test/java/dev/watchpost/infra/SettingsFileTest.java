package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Settings in {@code watchpost.json} stay put: a deploy that forgets {@code -c} keeps the file's remediation modes,
 * and a {@code -c} that disagrees with the file, or is not in it, stops synthesis naming the key.
 */
final class SettingsFileTest {
    private static final String MODES = "network.sg-admin-port-open=DRY_RUN";

    @TempDir
    Path folder;

    @Test
    void aSecondSynthWithoutDashC_keepsTheFilesRemediationModes() throws IOException {
        Path file = write("""
                {"remediationModes": {"network.sg-admin-port-open": "DRY_RUN"}, "namePrefix": "wp-file"}
                """);
        Template first = synth(Map.of(SettingsFile.SETTINGS_FILE, file.toString(),
                DeploySettings.REMEDIATION_MODES, MODES));
        Template second = synth(Map.of(SettingsFile.SETTINGS_FILE, file.toString()));

        for (Template template : new Template[] {first, second}) {
            FamilyIds.hasVariables(template, Family.NETWORK, Map.of(
                    Settings.REMEDIATION_MODES, MODES,
                    Settings.NAME_PREFIX, "wp-file"));
        }
    }

    @Test
    void failsSynthesis_whenDashCDisagreesWithTheFile_namingTheKeyButNotTheValues() throws IOException {
        Path file = write("{\"remediationModes\": \"" + MODES + "\"}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SettingsFile.resolve(
                context(Map.of(SettingsFile.SETTINGS_FILE, file.toString(),
                        DeploySettings.REMEDIATION_MODES, "network.sg-admin-port-open=ENFORCE"))));

        assertTrue(error.getMessage().startsWith("context remediationModes given with -c"), error.getMessage());
        assertFalse(error.getMessage().contains("ENFORCE"), error.getMessage());
    }

    @Test
    void failsSynthesis_whenDashCSetsAKeyTheFileLacks() throws IOException {
        Path file = write("{\"remediationModes\": \"" + MODES + "\"}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SettingsFile.resolve(
                context(Map.of(SettingsFile.SETTINGS_FILE, file.toString(), DeploySettings.ALERT_EMAIL,
                        "secops@example.com"))));

        assertTrue(error.getMessage().startsWith("context alertEmail is given with -c"), error.getMessage());
    }

    @Test
    void acceptsDashC_thatRepeatsTheFile_inAnyJsonShape() throws IOException {
        Path file = write("{\"adminPorts\": [22, 2222], \"tracing\": true}");
        Function<String, Object> settings = SettingsFile.resolve(context(Map.of(
                SettingsFile.SETTINGS_FILE, file.toString(),
                DeploySettings.ADMIN_PORTS, "22,2222",
                DeploySettings.TRACING, "true")));

        assertEquals(Optional.of("22,2222"), DeploySettings.text(settings.apply(DeploySettings.ADMIN_PORTS)));
        assertEquals(Optional.of("true"), DeploySettings.text(settings.apply(DeploySettings.TRACING)));
    }

    @Test
    void refusesAnUnknownKeyInTheFile_namingIt() throws IOException {
        Path file = write("{\"remediationMode\": \"" + MODES + "\"}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SettingsFile.resolve(context(Map.of(SettingsFile.SETTINGS_FILE, file.toString()))));

        assertTrue(error.getMessage().contains("unknown setting \"remediationMode\""), error.getMessage());
    }

    @Test
    void refusesAFileThatWasNamedButDoesNotExist() {
        Path missing = folder.resolve("nope.json");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SettingsFile.resolve(context(Map.of(SettingsFile.SETTINGS_FILE, missing.toString()))));

        assertTrue(error.getMessage().startsWith("context settingsFile"), error.getMessage());
    }

    @Test
    void readsTheContextAlone_whenThereIsNoFile() {
        Function<String, Object> settings = SettingsFile.resolve(context(Map.of(SettingsFile.SETTINGS_FILE,
                SettingsFile.NONE,
                DeploySettings.ALERT_EMAIL, "secops@example.com")));

        assertEquals("secops@example.com", settings.apply(DeploySettings.ALERT_EMAIL));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(folder.resolve("watchpost.json"), json);
    }

    private static Function<String, Object> context(Map<String, Object> values) {
        return values::get;
    }

    private Template synth(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
        App app = new App(AppProps.builder().context(all)
                .outdir(folder.resolve("cdk.out-" + context.size()).toString()).build());
        return Template.fromStack(WatchpostApp.build(app));
    }
}
