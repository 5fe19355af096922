package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/watchpost.jvm-options} is the one list of the launcher's JVM flags: every script and class that runs a
 * scan as the launcher does reads that file and names no tuning flag of its own (only logging, {@code -Xlog:}, and
 * the AOT cache's, {@code -XX:AOT…}), and the build trains its AOT cache through the launcher with
 * {@code WATCHPOST_JAVA_OPTS} unset, so with the file's flags. {@code LauncherScriptTest} checks the launcher passes
 * exactly these flags.
 */
class JvmOptionsFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OPTIONS = ROOT.resolve("bin/watchpost.jvm-options");
    /** A JVM option on a command line: -Xmx256m, -XX:+UseParallelGC, -Xlog:disable... */
    private static final Pattern JVM_FLAG = Pattern.compile("(?<![\\w-])-X[A-Za-z:+-][^\\s\"']*");

    /** The flags the file lists, in order: its lines but blank ones and those starting with #. */
    static List<String> flags() {
        try {
            return Files.readAllLines(OPTIONS).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listsOneJvmFlagPerLine() {
        List<String> flags = flags();
        assertFalse(flags.isEmpty());
        flags.forEach(flag -> assertTrue(flag.startsWith("-X") && !flag.contains(" "), flag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bin/watchpost", ".ci/run", "bench/compare-jars", "bench/compare-flags",
        "bench/src/main/java/dev/watchpost/bench/scan/ScanBench.java"})
    void readsTheFlagsFromTheFile_andNamesNoneOfItsOwn(String reader) throws IOException {
        String text = Files.readString(ROOT.resolve(reader));

        assertTrue(text.contains("watchpost.jvm-options"), reader + " does not read bin/watchpost.jvm-options");
        Matcher flag = JVM_FLAG.matcher(code(text));
        while (flag.find()) {
            String found = flag.group();
            assertTrue(found.startsWith("-Xlog:") || found.startsWith("-XX:AOT")
                    || found.equals("-XX:+DisplayVMOutputToStderr"),
                    reader + " names a JVM flag of its own: " + found + " (put it in bin/watchpost.jvm-options)");
        }
    }

    /** The text without its comment lines (shell's #, Java's // and Javadoc's *), where examples may name flags. */
    private static String code(String text) {
        return String.join("\n", text.lines().filter(line -> !line.strip().startsWith("#")
                && !line.strip().startsWith("*") && !line.strip().startsWith("//")).toList());
    }

    @Test
    void theBuildTrainsTheAotCacheThroughTheLauncher_withItsOwnFlags() throws IOException {
        String pom = Files.readString(ROOT.resolve("functions/pom.xml"));
        int start = pom.indexOf("<id>train-aot-cache</id>");
        assertTrue(start >= 0, "functions/pom.xml trains no AOT cache");
        String execution = pom.substring(start, pom.indexOf("</execution>", start));

        assertTrue(execution.matches("(?s).*<argument>-u</argument>\\s*<argument>WATCHPOST_JAVA_OPTS</argument>.*"),
                "the training scan must run with WATCHPOST_JAVA_OPTS unset, so with the file's flags");
        assertTrue(execution.contains("/bin/watchpost</argument>"), "the training scan must run bin/watchpost");
        assertEquals(List.of(), JVM_FLAG.matcher(execution).results().map(MatchResult::group).toList(),
                "the training scan names JVM flags of its own");
    }
}
