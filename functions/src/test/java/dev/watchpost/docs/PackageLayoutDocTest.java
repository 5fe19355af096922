package dev.watchpost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING.md's package table says which packages each may import; the main sources must keep to it, and every
 * package must have its row, so the layering written down is the layering in the code.
 */
class PackageLayoutDocTest {
    private static final Path ROOT = Path.of(System.getProperty("watchpost.events", "../events")).toAbsolutePath()
            .normalize().getParent();
    private static final Path SOURCES = ROOT.resolve("functions/src/main/java/dev/watchpost");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\| .* \\| ([^|]*) \\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");
    private static final Pattern IMPORT = Pattern.compile("^import dev\\.watchpost\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyWhatContributingAllowsIt() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        Map<String, Set<String>> forbidden = new TreeMap<>();
        try (Stream<Path> packages = Files.list(SOURCES)) {
            for (Path dir : packages.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                Set<String> imports = imports(dir);
                imports.remove(name);
                imports.removeAll(allowed.getOrDefault(name, Set.of()));
                if (!imports.isEmpty() || !allowed.containsKey(name)) {
                    forbidden.put(name, imports);
                }
            }
        }
        assertEquals(Map.of(), forbidden, "imports not in CONTRIBUTING.md's package table (a package missing from "
                + "the table shows with what it imports)");
    }

    private static Map<String, Set<String>> allowed() throws IOException {
        String doc = Files.readString(ROOT.resolve("CONTRIBUTING.md"));
        String section = doc.substring(doc.indexOf("## Packages"), doc.indexOf("\n## ", doc.indexOf("## Packages")));
        return DocTables.itemsByRow(section, ROW, NAME);
    }

    private static Set<String> imports(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    out.add(matcher.group(1));
                }
            }
        }
        return out;
    }
}
