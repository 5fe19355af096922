package dev.watchpost.bench.scan;

import dev.watchpost.bench.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Offline scan throughput on the generated corpus, beside its references, in one run: {@code scan --format json} to
 * {@code /dev/null} (plain and gzip, one thread and all), {@link BareParse} over the same files (the limit of one
 * Jackson tree per record), the same two as shipped ({@code bin/watchpost}, whose JVM flags the bare parse is then
 * given too), and {@code jq} where it is installed. Each case is a fresh process timed by GNU
 * {@code /usr/bin/time} (wall, CPU, peak RSS); the median of {@code --repeat} runs is reported, and MB/s counts the
 * uncompressed JSON bytes. Every scan must report exactly the corpus's records and expected findings.
 *
 * <p>Usage: {@code ScanBench --jar watchpost.jar --class-path CP --corpus DIR --results FILE [--repeat 3]
 * [--baseline-jar OLD.jar] [--aot-training CORPUS]}: with a training corpus, {@code bin/watchpost train} makes an AOT
 * cache on it, and four more rows give the scan with that cache beside the bare parse with one of its own.
 */
public final class ScanBench {
    private record Measured(double wall, double cpu, long rssKb, String stderr) {}

    private final Path corpus;
    private final Path results;
    private final int repeat;
    private final long bytes;
    private final long records;
    private final long findings;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final Path work;
    private Path jar;
    private final boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));

    private ScanBench(Path corpus, Path results, int repeat) throws IOException {
        this.corpus = corpus;
        this.results = results;
        this.repeat = repeat;
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(corpus.resolve("corpus.properties"))) {
            manifest.load(in);
        }
        this.bytes = Long.parseLong(manifest.getProperty("plainBytes"));
        this.records = Long.parseLong(manifest.getProperty("records"));
        this.findings = Long.parseLong(manifest.getProperty("expectedFindings"));
        this.work = results.getParent().resolve("scan-work");
        Files.createDirectories(work);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path results = Path.of(options.get("--results"));
        Files.deleteIfExists(results);
        ScanBench bench = new ScanBench(Path.of(options.get("--corpus")), results,
                Integer.parseInt(options.getOrDefault("--repeat", "3")));
        bench.run(Path.of(options.get("--jar")), options.get("--class-path"), options.get("--baseline-jar"),
                options.containsKey("--aot-training") ? Path.of(options.get("--aot-training")) : null);
    }

    private void run(Path jar, String classPath, String baselineJar, Path aotTraining) throws Exception {
        this.jar = jar.toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = Path.of("bin", "watchpost").toAbsolutePath();
        List<String> launcherFlags = launcherFlags(launcher);
        String all = String.valueOf(cores);
        Path aotCache = null;
        Path bareAotCache = null;
        if (aotTraining != null) {
            // JDK 25's AOT cache (JEP 514, with JEP 515's method profiles), trained on a corpus made with another
            // seed, so it has seen CloudTrail data of this kind but not the files measured below: the scan's through
            // `bin/watchpost train`, as a user makes it; the bare parse's the same way, for a like-for-like ratio.
            aotCache = work.resolve("watchpost.aot");
            Files.deleteIfExists(aotCache);
            once(command(launcher.toString(), List.of(), "train", aotTraining.resolve("plain").toString()),
                    Map.of("WATCHPOST_AOT_CACHE", aotCache.toString()));
            bareAotCache = work.resolve("bare.aot");
            Files.deleteIfExists(bareAotCache);
            once(command(java, launcherFlags, "-XX:AOTCacheOutput=" + bareAotCache, "-cp", classPath,
                    BareParse.class.getName(), "--threads", "1", aotTraining.resolve("plain").toString()), Map.of());
        }
        for (String tree : List.of("plain", "gz")) {
            Path files = corpus.resolve(tree);
            String kind = tree.equals("gz") ? ".json.gz" : ".json";
            Measured bare1 = measure(List.of(java, "-cp", classPath, BareParse.class.getName(), "--threads", "1",
                    files.toString()), false);
            row("bare Jackson parse, 1 thread, " + kind, bare1, null, "reference: one tree per record");
            Measured bareN = measure(List.of(java, "-cp", classPath, BareParse.class.getName(), "--threads", all,
                    files.toString()), false);
            row("bare Jackson parse, " + all + " threads, " + kind, bareN, null, "reference");
            if (tree.equals("plain")) {
                Measured strict = measure(List.of(java, "-cp", classPath, BareParse.class.getName(), "--threads",
                        "1", "--strict", files.toString()), false);
                row("bare parse with Watchpost's mapper (duplicate keys rejected), 1 thread, " + kind, strict, bare1,
                        "what the strict mapper costs");
            }
            if (baselineJar != null) {
                Measured before = measure(List.of(java, "-jar", baselineJar, "scan", "--format", "json",
                        files.toString()), true);
                row("scan by the --baseline-jar, default threads, " + kind, before, bareN,
                        "the older jar, for before / after");
            }
            Measured scan1 = measure(List.of(java, "-jar", jar.toString(), "scan", "--format", "json", "--threads",
                    "1", files.toString()), true);
            row("scan --format json --threads 1, " + kind, scan1, bare1, "");
            Measured scanN = measure(List.of(java, "-jar", jar.toString(), "scan", "--format", "json",
                    files.toString()), true);
            row("scan --format json (" + all + " threads), " + kind, scanN, bareN, "");
            // As shipped: bin/watchpost's flags (capped heap, throughput collector), beside the bare parse given the
            // same flags, so the ratio compares the work and not the collectors.
            Measured launcherBare1 = measure(command(java, launcherFlags, "-cp", classPath, BareParse.class.getName(),
                    "--threads", "1", files.toString()), false);
            row("bare Jackson parse, bin/watchpost's flags, 1 thread, " + kind, launcherBare1, null, "reference");
            Measured launcherBareN = measure(command(java, launcherFlags, "-cp", classPath,
                    BareParse.class.getName(), "--threads", all, files.toString()), false);
            row("bare Jackson parse, bin/watchpost's flags, " + all + " threads, " + kind, launcherBareN, null,
                    "reference");
            // The limit of a scan that builds only the records a detection watches: every record tokenised, its
            // event name read, no tree.
            Measured skim1 = measure(command(java, launcherFlags, "-cp", classPath, BareParse.class.getName(),
                    "--skim", "--threads", "1", files.toString()), false);
            row("bare Jackson tokenising, no trees, bin/watchpost's flags, 1 thread, " + kind, skim1, launcherBare1,
                    "reference: event name only");
            Measured skimN = measure(command(java, launcherFlags, "-cp", classPath, BareParse.class.getName(),
                    "--skim", "--threads", all, files.toString()), false);
            row("bare Jackson tokenising, no trees, bin/watchpost's flags, " + all + " threads, " + kind, skimN,
                    launcherBareN, "reference");
            Measured launcher1 = measure(command(launcher.toString(), List.of(), "scan", "--format", "json",
                    "--threads", "1", files.toString()), true);
            row("bin/watchpost scan --format json --threads 1, " + kind, launcher1, launcherBare1,
                    "as shipped; " + ofTokenising(launcher1, skim1));
            Measured launcherN = measure(command(launcher.toString(), List.of(), "scan", "--format", "json",
                    files.toString()), true);
            row("bin/watchpost scan --format json (" + all + " threads), " + kind, launcherN, launcherBareN,
                    "as shipped; " + ofTokenising(launcherN, skimN));
            if (aotCache != null) {
                Map<String, String> cached = Map.of("WATCHPOST_AOT_CACHE", aotCache.toString());
                Measured bareAot1 = measure(command(java, launcherFlags, "-XX:AOTCache=" + bareAotCache, "-cp",
                        classPath, BareParse.class.getName(), "--threads", "1", files.toString()), false, Map.of());
                row("bare Jackson parse, bin/watchpost's flags + its own AOT cache, 1 thread, " + kind, bareAot1,
                        null, "reference");
                Measured bareAotN = measure(command(java, launcherFlags, "-XX:AOTCache=" + bareAotCache, "-cp",
                        classPath, BareParse.class.getName(), "--threads", all, files.toString()), false, Map.of());
                row("bare Jackson parse, bin/watchpost's flags + its own AOT cache, " + all + " threads, " + kind,
                        bareAotN, null, "reference");
                Measured aot1 = measure(command(launcher.toString(), List.of(), "scan", "--format", "json",
                        "--threads", "1", files.toString()), true, cached);
                row("bin/watchpost after `bin/watchpost train`, --threads 1, " + kind, aot1, bareAot1,
                        "cache trained on another corpus");
                Measured aotN = measure(command(launcher.toString(), List.of(), "scan", "--format", "json",
                        files.toString()), true, cached);
                row("bin/watchpost after `bin/watchpost train` (" + all + " threads), " + kind, aotN, bareAotN,
                        "cache trained on another corpus");
            }
        }
        jq();
    }

    /** The default flags written in {@code bin/watchpost} (its {@code WATCHPOST_JAVA_OPTS-"…"} line). */
    private static List<String> launcherFlags(Path launcher) throws IOException {
        String marker = "WATCHPOST_JAVA_OPTS-\"";
        for (String line : Files.readAllLines(launcher)) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                String flags = line.substring(at + marker.length(), line.indexOf('"', at + marker.length()));
                return List.of(flags.trim().split("\\s+"));
            }
        }
        throw new IllegalStateException(launcher + " has no WATCHPOST_JAVA_OPTS default to read the flags from");
    }

    private static List<String> command(String program, List<String> flags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(flags);
        command.addAll(List.of(args));
        return command;
    }

    private void jq() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/jq")) && !onPath("jq")) {
            Results.add(results, "scan", "jq", "not installed", "", "", "apt-get install -y jq to compare");
            return;
        }
        List<String> command = new ArrayList<>(List.of("jq", "-c",
                ".Records[] | select(.eventName==\"AuthorizeSecurityGroupIngress\")"));
        try (Stream<Path> walk = Files.walk(corpus.resolve("plain"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> command.add(p.toString()));
        }
        Measured jq = once(command, Map.of());
        row("jq -c '.Records[] | select(.eventName==…)', .json", jq, null, "1 process, 1 run");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(dir ->
                Files.isExecutable(Path.of(dir, program)));
    }

    /** The median run of {@link #repeat} (by wall time); checks a scan's summary line against the corpus. */
    private Measured measure(List<String> command, boolean isScan) throws IOException, InterruptedException {
        return measure(command, isScan, Map.of());
    }

    private Measured measure(List<String> command, boolean isScan, Map<String, String> env)
            throws IOException, InterruptedException {
        List<Measured> runs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            Measured run = once(command, env);
            if (isScan) {
                if (!run.stderr.contains(records + " events: " + findings + " findings")) {
                    throw new IllegalStateException("scan did not report " + records + " events and " + findings
                            + " findings: " + run.stderr + " (" + command + ")");
                }
            }
            runs.add(run);
        }
        runs.sort((a, b) -> Double.compare(a.wall, b.wall));
        Measured median = runs.get(runs.size() / 2);
        long maxRss = runs.stream().mapToLong(Measured::rssKb).max().orElse(-1);
        return new Measured(median.wall, median.cpu, maxRss, median.stderr);
    }

    private Measured once(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path timing = work.resolve("time.txt");
        Path err = work.resolve("stderr.txt");
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.toString()));
        }
        full.addAll(command);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        // bin/watchpost runs this JDK and the jar under test, with its own default flags.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WATCHPOST_JAR", jar.toString());
        builder.environment().remove("WATCHPOST_JAVA_OPTS");
        // No AOT cache unless a row asks for one (a stray functions/target/watchpost.aot would be picked up).
        builder.environment().put("WATCHPOST_AOT_CACHE", work.resolve("no-such.aot").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + command + "\n" + stderr);
        }
        if (!gnuTime) {
            return new Measured(wall, -1, -1, stderr);
        }
        String[] fields = Files.readString(timing).trim().split("\\s+");
        return new Measured(Double.parseDouble(fields[0]), Double.parseDouble(fields[1])
                + Double.parseDouble(fields[2]), Long.parseLong(fields[3]), stderr);
    }

    private void row(String what, Measured run, Measured reference, String notes) {
        double mbps = bytes / 1e6 / run.wall;
        String figure = Results.format("%.0f MB/s, %.0fk records/s", mbps, records / 1e3 / run.wall);
        String perCpu = run.cpu > 0 ? Results.format("%.0f MB per CPU-second", bytes / 1e6 / run.cpu) : "";
        StringBuilder note = new StringBuilder(notes);
        if (reference != null) {
            append(note, Results.format("%.0f%% of the bare parse's rate", 100 * reference.wall / run.wall));
            if (run.cpu > 0 && reference.cpu > 0) {
                append(note, Results.format("%.0f%% per CPU-second", 100 * reference.cpu / run.cpu));
            }
        }
        Results.add(results, "scan", what, figure, Results.format("%.1f s wall (median of %d), %s", run.wall,
                        what.startsWith("jq") ? 1 : repeat, perCpu),
                run.rssKb > 0 ? Results.format("%.0f MB peak RSS", run.rssKb / 1024.0) : "", note.toString());
        System.err.println("scan: " + what + ": " + figure);
    }

    /** How a run compares with the tokenising reference, in rate and per CPU-second. */
    private static String ofTokenising(Measured run, Measured skim) {
        return Results.format("%.0f%% of the tokenising rate, %.0f%% per CPU-second", 100 * skim.wall / run.wall,
                100 * skim.cpu / run.cpu);
    }

    private static void append(StringBuilder note, String text) {
        if (!note.isEmpty()) {
            note.append("; ");
        }
        note.append(text);
    }
}
