package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code watchpost scan} in-process on one file, the way the command line does, and checks what every scan must
 * do whatever the file holds: return an exit status (0, or 1 when something could not be read), never throw, report
 * every problem on its own stderr line starting with the file's name, end stderr with the summary line, and count no
 * detection errors. {@code Main.run} is package-private to the CLI, so it is reached through a method handle rather
 * than by widening production code for a test in another package. Stateless.
 */
final class ScanCommand {
    private static final MethodHandle RUN = runHandle();
    private static final Pattern SUMMARY = Pattern.compile("scanned 1 files, (\\d+) events: (\\d+) findings "
            + "\\(CRITICAL \\d+, HIGH \\d+, MEDIUM \\d+, LOW \\d+\\), (\\d+) unreadable, (\\d+) detection errors, "
            + "\\d+ own events ignored, (\\d+) files skipped");

    private ScanCommand() {}

    /**
     * What one scan printed.
     *
     * @param status   the exit status
     * @param out      stdout: the findings
     * @param problems stderr lines before the summary, with the file name taken off the front
     * @param summary  the summary line
     */
    record Scanned(int status, String out, List<String> problems, String summary) {
        List<String> findingLines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** Scans {@code file} with {@code --format json} or text, asserting what every scan must do. */
    static Scanned scan(Path file, boolean json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = json ? List.of("scan", "--format", "json", file.toString())
                : List.of("scan", file.toString());
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = (int) RUN.invokeExact(args, outStream, errStream, Map.<String, String>of(), false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("scan threw a checked exception", e);
        }
        return checked(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), file);
    }

    private static Scanned checked(int status, String out, String err, Path file) {
        List<String> lines = err.lines().toList();
        assertTrue(!lines.isEmpty(), "stderr ends with the summary line");
        String summary = lines.getLast();
        Matcher counts = SUMMARY.matcher(summary);
        assertTrue(counts.matches(), () -> "summary line: " + summary);
        assertEquals(0, Integer.parseInt(counts.group(4)), () -> "a detection threw: " + err);
        List<String> problems = lines.subList(0, lines.size() - 1);
        String prefix = file + ": ";
        for (String problem : problems) {
            assertTrue(problem.startsWith(prefix), () -> "problem not reported with the file name: " + problem);
        }
        int unreadable = Integer.parseInt(counts.group(3));
        long notes = problems.stream().filter(p -> p.startsWith(prefix + "skipped: ")).count();
        assertEquals(unreadable, problems.size() - notes, () -> "each unreadable part is reported once: " + err);
        assertEquals(unreadable == 0 ? 0 : 1, status, () -> "exit status for " + unreadable + " unreadable: " + err);
        return new Scanned(status, out, problems.stream().map(p -> p.substring(prefix.length())).toList(), summary);
    }

    private static MethodHandle runHandle() {
        try {
            return MethodHandles.privateLookupIn(Main.class, MethodHandles.lookup()).findStatic(Main.class, "run",
                    MethodType.methodType(int.class, List.class, PrintStream.class, PrintStream.class, Map.class,
                            boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Main.run(List, PrintStream, PrintStream, Map, boolean) is gone: "
                    + Arrays.toString(Main.class.getDeclaredMethods()), e);
        }
    }
}
