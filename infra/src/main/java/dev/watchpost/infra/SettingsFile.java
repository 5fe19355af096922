package dev.watchpost.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one place a deployment's settings live, so that they stay put: {@code infra/watchpost.json} (a JSON object with
 * the same keys and values as the context; the {@value #SETTINGS_FILE} context key points elsewhere). A setting given
 * only with {@code -c key=value} is gone at the next {@code cdk deploy} that forgets it, and remediation modes quietly
 * fall back to their defaults; so once the file exists, every deployment setting comes from it, and a {@code -c}
 * value (or one in {@code cdk.json}'s context, which the app cannot tell apart) must equal the file's or synthesis
 * fails naming the key. Values are never repeated in a message (one may be an external id). Without the file, the
 * context alone is read, as before, so the quick start's {@code -c alertEmail=…} keeps working. The build locations
 * ({@value DeploySettings#FUNCTIONS_JAR}, {@value #SETTINGS_FILE}) are not settings and may come from {@code -c};
 * {@code -c settingsFile=}{@value #NONE} reads the context alone even where the file exists (the tests do).
 * Stateless: the file is read once per synthesis.
 */
final class SettingsFile {
    public static final String SETTINGS_FILE = "settingsFile";
    /** Relative to the working directory, which is {@code infra/} when the CDK CLI runs the app. */
    public static final String DEFAULT_PATH = "watchpost.json";

    /** The {@value #SETTINGS_FILE} that means: no file, the context alone. */
    public static final String NONE = "none";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SettingsFile() {}

    /**
     * The context Watchpost reads: the file's settings where it exists, checked against {@code context}; otherwise
     * {@code context} itself.
     *
     * @param context what {@code node.tryGetContext} returns for a key
     * @throws IllegalArgumentException the file is unreadable, names an unknown key, or disagrees with the context
     */
    static Function<String, Object> resolve(Function<String, Object> context) {
        Optional<String> given = DeploySettings.text(context.apply(SETTINGS_FILE));
        if (given.equals(Optional.of(NONE))) {
            return context;
        }
        Path file = Path.of(given.orElse(DEFAULT_PATH)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            if (given.isPresent()) {
                throw new IllegalArgumentException("context " + SETTINGS_FILE + ": the settings file " + file
                        + " does not exist");
            }
            return context;
        }
        Map<String, Object> settings = read(file);
        List<String> keys = DeploySettings.deploymentKeys();
        for (String key : settings.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown setting \"" + key + "\" (known: "
                        + String.join(", ", new TreeSet<>(keys)) + ")");
            }
        }
        for (String key : keys) {
            Optional<String> onCommandLine = DeploySettings.text(context.apply(key));
            Optional<String> inFile = DeploySettings.text(settings.get(key));
            if (onCommandLine.isPresent() && inFile.isEmpty()) {
                throw new IllegalArgumentException("context " + key + " is given with -c (or in cdk.json) but not in "
                        + file + ": put it in the file, so that the next deploy keeps it");
            }
            if (onCommandLine.isPresent() && !onCommandLine.equals(inFile)) {
                throw new IllegalArgumentException("context " + key + " given with -c (or in cdk.json) differs from "
                        + "its value in " + file + ": change the file, the one place settings live, and drop -c");
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(settings);
        return key -> keys.contains(key) ? merged.get(key) : context.apply(key);
    }

    private static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("the settings file " + file + " is not a JSON object of settings: "
                    + e.getMessage(), e);
        }
    }
}
