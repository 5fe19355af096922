package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/watchpost} run by the real {@code /bin/sh}, with a stand-in JDK whose {@code java} prints the arguments it
 * was given: which flags reach the JVM, that {@code WATCHPOST_JAVA_OPTS} replaces them, when an AOT cache is trained
 * and used, and that a missing jar or an old Java stops it with a clear message and exit status 2 before a JVM starts. (CI also runs the real launcher on
 * the built jar, in {@code .ci/run}.)
 */
class LauncherScriptTest {
    /** Always first: the JVM's own warnings go to stderr, never into the findings on stdout. */
    private static final List<String> LOGGING = List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
            "-XX:+DisplayVMOutputToStderr");
    private static final Path LAUNCHER = Path.of("..", "bin", "watchpost").toAbsolutePath().normalize();
    /** The launcher's default flags, from the one file that lists them. */
    private static final List<String> SCAN_FLAGS = JvmOptionsFileTest.flags();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    @Test
    void runsTheJarWithTheScanFlags_andPassesTheArgumentsThrough() throws Exception {
        Path jdk = fakeJdk("25.0.3");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "not really a jar");

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString()),
                "scan", "--format", "json", "a path with spaces");

        assertEquals(0, run.status(), run.err());
        List<String> expected = new ArrayList<>(LOGGING);
        expected.addAll(SCAN_FLAGS);
        expected.addAll(List.of("-jar", jar.toString(), "scan", "--format", "json", "a path with spaces"));
        assertEquals(expected, run.out().lines().toList());
    }

    @Test
    void letsWatchpostJavaOptsReplaceTheFlags() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString(),
                "WATCHPOST_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC"), "scan", "x");

        List<String> expected = new ArrayList<>(LOGGING);
        expected.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC", "-jar", jar.toString(), "scan", "x"));
        assertEquals(expected, run.out().lines().toList());
    }

    @Test
    void refusesAJavaOlderThan25_namingIt() throws Exception {
        Path jdk = fakeJdk("17.0.15");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString()), "scan", "x");

        assertEquals(2, run.status());
        assertEquals("", run.out(), "no JVM may start");
        assertTrue(run.err().contains("is Java 17; Watchpost needs 25 or later"), run.err());
    }

    @Test
    void saysHowToBuildTheJar_whenItIsMissing() throws Exception {
        Path jdk = fakeJdk("25");

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", dir.resolve("none.jar").toString()),
                "scan", "x");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("none.jar not found: build it with 'mvn -B -q -DskipTests package'"),
                run.err());
    }

    @Test
    void saysWhatIsWrong_whenJavaHomeHasNoJava() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", dir.resolve("nowhere").toString()), "scan", "x");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("is not an executable java"), run.err());
    }

    @Test
    void trainsAnAotCache_onTheGivenPaths_thenUsesItWhileTheJarIsTheOneItWasTrainedOn() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");
        Path cache = dir.resolve("watchpost.aot");
        Map<String, String> env = training(jdk, jar);

        Run train = launch(env, "train", "logs/");

        assertEquals(0, train.status(), train.err());
        assertTrue(train.err().contains("AOT cache written to " + cache), train.err());
        List<String> trained = new ArrayList<>(LOGGING);
        trained.addAll(SCAN_FLAGS);
        trained.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-jar", jar.toString(), "scan", "--format", "json",
                "logs/"));
        assertEquals(trained, Files.readAllLines(cache), "the training JVM's arguments (the stand-in writes them)");
        assertEquals("", train.out(), "the training scan's findings are discarded");
        assertTrue(Files.exists(dir.resolve("watchpost.aot.trained-on")), "the jar it was trained on is noted");
        Run scan = launch(env, "scan", "x");
        List<String> expected = new ArrayList<>(LOGGING);
        expected.addAll(SCAN_FLAGS);
        expected.addAll(List.of("-XX:AOTCache=" + cache, "-jar", jar.toString(), "scan", "x"));
        assertEquals(expected, scan.out().lines().toList());
        assertEquals("", scan.err());
    }

    @Test
    void doesNotUseTheCache_forAnotherBuildOfTheJar_bySizeOrByTime() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "build 1");
        FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 7_200_000);
        Files.setLastModifiedTime(jar, built);
        Map<String, String> env = training(jdk, jar);
        assertEquals(0, launch(env, "train", "logs/").status());
        assertTrue(usesTheCache(launch(env, "scan", "x")), "the jar it was trained on");

        // Rebuilt with the same size (the JVM would run the first build's cached classes: only the launcher's note
        // of the jar can tell), then of another size with the first build's time (a copy that keeps times).
        Files.writeString(jar, "build 2");
        Run sameSize = launch(env, "scan", "x");
        Files.writeString(jar, "build 2, longer");
        Files.setLastModifiedTime(jar, built);
        Run sameTime = launch(env, "scan", "x");

        for (Run rebuilt : List.of(sameSize, sameTime)) {
            assertEquals(0, rebuilt.status(), rebuilt.err());
            assertTrue(rebuilt.err().contains("was not trained on this build of " + jar + " and is not used"),
                    rebuilt.err());
            assertFalse(usesTheCache(rebuilt), rebuilt.out());
        }
        Files.delete(dir.resolve("watchpost.aot.trained-on")); // e.g. a cache made by hand or an older launcher
        Files.writeString(jar, "build 1");
        Files.setLastModifiedTime(jar, built);
        Run unnoted = launch(env, "scan", "x");
        assertFalse(usesTheCache(unnoted), unnoted.out());
        assertTrue(unnoted.err().contains("is not used"), unnoted.err());
    }

    @Test
    void usesTheCache_whateverTheTimeZone() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");
        Map<String, String> env = new HashMap<>(training(jdk, jar));
        env.put("TZ", "UTC");
        assertEquals(0, launch(env, "train", "logs/").status());

        Run elsewhere = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString(),
                "TZ", "Asia/Kolkata"), "scan", "x");

        assertTrue(usesTheCache(elsewhere), elsewhere.err());
    }

    @Test
    void keepsTheCacheButDoesNotUseIt_whenTheJarsSizeAndTimeCannotBeRead() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");
        Path cache = dir.resolve("watchpost.aot");
        Map<String, String> env = training(jdk, jar);
        assertEquals(0, launch(env, "train", "logs/").status());
        String trained = Files.readString(cache);
        // A stat that fails, first on the PATH.
        Path bin = Files.createDirectories(dir.resolve("broken-bin"));
        Path stat = Files.writeString(bin.resolve("stat"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(stat, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> noStat = new HashMap<>(env);
        noStat.put("PATH", bin + ":" + System.getenv("PATH"));

        Run scan = launch(noStat, "scan", "x");
        Run train = launch(noStat, "train", "logs/");

        assertEquals(0, scan.status(), scan.err());
        assertFalse(usesTheCache(scan), scan.out());
        assertTrue(scan.err().contains("cannot read the size and time of " + jar), scan.err());
        assertEquals(1, train.status());
        assertTrue(train.err().contains("cannot read the size and time of " + jar), train.err());
        assertEquals(trained, Files.readString(cache), "the cache it had is left as it was");
        assertTrue(Files.exists(dir.resolve("watchpost.aot.trained-on")));
    }

    /** The environment of a launcher run on {@code jar} whose stand-in JVM writes the AOT cache it is asked for. */
    private static Map<String, String> training(Path jdk, Path jar) {
        return Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString(), "FAKE_AOT_WRITE", "yes");
    }

    private static boolean usesTheCache(Run run) {
        return run.out().lines().anyMatch(line -> line.startsWith("-XX:AOTCache="));
    }

    @Test
    void saysSo_whenTrainingWritesNoCache() throws Exception {
        Path jdk = fakeJdk("25");
        Path jar = Files.writeString(dir.resolve("watchpost.jar"), "");

        Run train = launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString()), "train", "logs/");

        assertEquals(1, train.status());
        assertTrue(train.err().contains("wrote no AOT cache"), train.err());
        assertEquals(2, launch(Map.of("JAVA_HOME", jdk.toString(), "WATCHPOST_JAR", jar.toString()), "train")
                .status(), "train needs a path");
    }

    /** A JDK folder with a {@code release} file of that version and a {@code java} that prints its arguments. */
    private Path fakeJdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        // Prints its arguments; with FAKE_AOT_WRITE set, writes the file -XX:AOTCacheOutput names, as the JVM would,
        // with its arguments in it.
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"\n"
                + "  case \"$a\" in -XX:AOTCacheOutput=*) [ -n \"$FAKE_AOT_WRITE\" ] && printf '%s\\n' \"$@\" > \"${a#*=}\";;"
                + " esac\ndone\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static Run launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("/bin/sh");
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(List.of(args));
        builder.environment().remove("WATCHPOST_JAVA_OPTS");
        builder.environment().remove("WATCHPOST_JAR");
        builder.environment().remove("WATCHPOST_AOT_CACHE");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }
}
