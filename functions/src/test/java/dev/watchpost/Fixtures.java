package dev.watchpost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Test access to the shared sample events in {@code events/} and their expectations. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The files of {@code events/} that describe the sample events rather than being one. */
    public static final Set<String> NOT_EVENTS = Set.of("expectations.json", "deployment.json");
    /**
     * The alert key of the deployment the fixtures come from, as its stack passes it in
     * {@code WATCHPOST_ALERT_KEY_ARN} ({@code events/deployment.json}): the expectations hold for that deployment.
     */
    public static final String ALERT_KEY_ARN = deployment().get(Settings.ALERT_KEY_ARN);

    private Fixtures() {}

    /** The detection parameters of the fixtures' deployment: the defaults, knowing its {@link #ALERT_KEY_ARN}. */
    public static DetectionParameters parameters() {
        return DetectionParameters.defaults().withAlertKeyArn(ALERT_KEY_ARN);
    }

    /**
     * {@code events/deployment.json}: the environment (variable to value) of the deployment the fixtures come from,
     * for which {@code expectations.json} holds.
     */
    public static Map<String, String> deployment() {
        Path file = root().resolve("deployment.json");
        Map<String, String> deployment = new LinkedHashMap<>();
        try {
            MAPPER.readTree(file.toFile()).properties().forEach(e -> deployment.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (deployment.getOrDefault(Settings.ALERT_KEY_ARN, "").isEmpty()) {
            throw new IllegalStateException(file + " names no " + Settings.ALERT_KEY_ARN);
        }
        return deployment;
    }

    public static Path root() {
        String dir = System.getProperty("watchpost.events", "../events");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CloudTrailEvent event(String relative) {
        try {
            return CloudTrailEvent.parse(bytes(relative));
        } catch (MalformedEventException e) {
            throw new IllegalStateException("fixture " + relative + " is malformed", e);
        }
    }

    /** A fixture as a fresh, mutable JSON tree, for tests that vary one field. */
    public static JsonNode tree(String relative) {
        try {
            return MAPPER.readTree(bytes(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture's event with the object at {@code pointer} (a JSON pointer into the EventBridge envelope, e.g.
     * {@code /detail/requestParameters}) changed by {@code edit}: a variant of a real record without a file of its own.
     */
    public static CloudTrailEvent edited(String relative, String pointer, Consumer<ObjectNode> edit) {
        JsonNode tree = tree(relative);
        edit.accept((ObjectNode) tree.at(pointer));
        try {
            return CloudTrailEvent.of(tree);
        } catch (MalformedEventException e) {
            throw new IllegalStateException("fixture " + relative + " edited at " + pointer + " is malformed", e);
        }
    }

    /** Fixture path (relative to events/) → expected detection ids. */
    public static Map<String, List<String>> expectations() {
        try {
            JsonNode root = MAPPER.readTree(root().resolve("expectations.json").toFile());
            Map<String, List<String>> out = new LinkedHashMap<>();
            root.properties().forEach(entry -> {
                List<String> ids = new ArrayList<>();
                entry.getValue().forEach(id -> ids.add(id.asText()));
                out.put(entry.getKey(), ids);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture file, relative to events/, sorted. */
    public static List<String> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".json") && !NOT_EVENTS.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
