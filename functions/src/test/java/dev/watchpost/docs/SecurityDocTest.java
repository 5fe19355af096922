package dev.watchpost.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md backs each claim with a test, named as {@code TestClass} or {@code TestClass.method}. A renamed or
 * deleted test must not leave a claim pointing at nothing, so every name is looked up in the test sources of both
 * modules.
 */
class SecurityDocTest {
    private static final Path ROOT = Path.of(System.getProperty("watchpost.events", "../events")).toAbsolutePath()
            .normalize().getParent();
    private static final Pattern REFERENCE = Pattern.compile("`(?:[a-z]+/)*([A-Z]\\w*Test)(?:\\.(\\w+))?`");

    @Test
    void everyTestThatSecurityMdCitesExists() throws IOException {
        String doc = Files.readString(ROOT.resolve("SECURITY.md"));
        Map<String, String> sources = testSources();
        List<String> missing = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(doc);
        int cited = 0;
        while (matcher.find()) {
            cited++;
            String source = sources.get(matcher.group(1));
            if (source == null) {
                missing.add(matcher.group(1));
            } else if (matcher.group(2) != null && !source.contains("void " + matcher.group(2) + "(")) {
                missing.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        assertTrue(cited > 20, "SECURITY.md cites only " + cited + " tests");
        assertTrue(missing.isEmpty(), "SECURITY.md cites tests that do not exist: " + missing);
    }

    @Test
    void explainsHowToReportAVulnerability() throws IOException {
        String doc = Files.readString(ROOT.resolve("SECURITY.md"));
        assertFalse(doc.isBlank());
        assertTrue(doc.contains("## Reporting a vulnerability"));
    }

    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (String module : List.of("functions", "infra")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/test/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    sources.put(name, Files.readString(file));
                }
            }
        }
        return sources;
    }
}
