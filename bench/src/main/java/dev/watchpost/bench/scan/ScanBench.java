package dev.watchpost.bench.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Offline scan throughput on the generated corpus, beside its references, in one run: {@code scan --format json} to
 * {@code /dev/null} (plain and gzip, one thread and all), {@link BareParse} over the same files (the limit of one
 * Jackson tree per record), the same two as shipped ({@code bin/watchpost} with the build's AOT cache, and without
 * one; the bare parse is then given its flags, and an AOT cache of its own), and {@code jq} where it is installed
 * (in the rounds too, so each "× jq" ratio pairs runs of one spell).
 * Each case is a fresh process timed by GNU {@code /usr/bin/time} (wall, CPU, peak RSS). The cases run in rounds, each
 * case once per round, so that a case and its reference run minutes apart, not a quarter of an hour: the median run is
 * reported, and each ratio is the median of the rounds' ratios. MB/s counts the uncompressed JSON bytes. Every scan
 * must report exactly the corpus's records and expected findings, and every run given a cache must have used it.
 * Last, the comparisons behind the per-core target run again side by side ({@link #sideBySide}), which the
 * machine's drift cannot bias: like for like (no AOT cache on either side, or a trained one on each), and the scan as
 * shipped against the bare parse with the launcher's flags alone. Given a second corpus, the scan and the bare parse
 * also read both, and the difference is what the second costs alone ({@link #marginalRow}): the per-byte cost
 * without the start-up and JIT warm-up that a 1 GB run still pays once.
 *
 * <p>Usage: {@code ScanBench --jar watchpost.jar --class-path CP --corpus DIR --results FILE [--repeat 3]
 * [--pairs 5] [--baseline-jar OLD.jar] [--aot-training CORPUS] [--next-corpus DIR]}: with a training corpus,
 * {@code bin/watchpost train} makes an AOT cache on it, and the bare parse one of its own: the reference for the rows
 * with a cache, and rows for the scan with that cache. {@code --repeat 0} runs only the side-by-side comparisons.
 */
public final class ScanBench {
    private record Measured(double wall, double cpu, long rssKb, String stderr) {}

    /** One command measured once per round, the reference its ratios are taken against, and its runs. */
    private static final class Case {
        final String what;
        final List<String> command;
        final Case reference;
        final String notes;
        final List<Measured> runs = new ArrayList<>();
        Map<String, String> env = Map.of();
        /** Checked to report the corpus's records and findings. */
        boolean isScan;
        /** An older jar, whose detections may differ: checked to report the corpus's records only. */
        boolean isBaseline;
        /** The tokenising reference, for a second ratio. */
        Case tokenising;
        /** The bare parse with an AOT cache trained on a corpus, for a third ratio. */
        Case alsoAgainst;
        /** jq over the same files, for the "× jq" figure. */
        Case jq;
        /** What a run reads and a scan must report when it is not the corpus (0 = the corpus's): both corpora's. */
        long bytes;
        long records;
        long findings;

        Case(String what, List<String> command, Case reference, String notes) {
            this.what = what;
            this.command = command;
            this.reference = reference;
            this.notes = notes;
        }
    }

    private final Path corpus;
    /** A second corpus of the same size and another seed (or null): what the marginal rows add to the first. */
    private final Path next;
    private final Path results;
    private final int repeat;
    /** Runs of each side-by-side comparison ({@link #sideBySide}). */
    private final int pairs;
    private final long bytes;
    private final long records;
    private final long findings;
    private final Map<String, String> deployment = new HashMap<>();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final Path work;
    private Path jar;
    private final boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));

    private ScanBench(Path corpus, Path next, Path results, int repeat, int pairs) throws IOException {
        this.corpus = corpus;
        this.next = next;
        this.results = results;
        this.repeat = repeat;
        this.pairs = pairs;
        Properties manifest = manifest(corpus);
        this.bytes = Long.parseLong(manifest.getProperty("plainBytes"));
        this.records = Long.parseLong(manifest.getProperty("records"));
        this.findings = Long.parseLong(manifest.getProperty("expectedFindings"));
        // The corpus's findings are those of the sample events' deployment: every process runs with its settings.
        new ObjectMapper().readTree(Path.of("events", "deployment.json").toFile()).properties()
                .forEach(e -> deployment.put(e.getKey(), e.getValue().asText()));
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
        ScanBench bench = new ScanBench(Path.of(options.get("--corpus")),
                options.containsKey("--next-corpus") ? Path.of(options.get("--next-corpus")) : null, results,
                Integer.parseInt(options.getOrDefault("--repeat", "3")),
                Integer.parseInt(options.getOrDefault("--pairs", "5")));
        bench.run(Path.of(options.get("--jar")), options.get("--class-path"), options.get("--baseline-jar"),
                options.containsKey("--aot-training") ? Path.of(options.get("--aot-training")) : null);
    }

    private void run(Path jar, String classPath, String baselineJar, Path aotTraining) throws Exception {
        this.jar = jar.toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = Path.of("bin", "watchpost").toAbsolutePath();
        List<String> launcherFlags = launcherFlags(launcher);
        String all = String.valueOf(cores);
        Path builtCache = Path.of(this.jar.toString().replaceFirst("\\.jar$", ".aot"));
        if (!Files.isRegularFile(builtCache)) {
            throw new IllegalStateException("no AOT cache at " + builtCache + ": the build trains one (mvn package "
                    + "without -Dwatchpost.aot.skip)");
        }
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
        List<Case[]> sideBySide = new ArrayList<>();
        Case[] marginal = null;
        for (String tree : List.of("plain", "gz")) {
            String files = corpus.resolve(tree).toString();
            String kind = tree.equals("gz") ? ".json.gz" : ".json";
            List<Case> cases = new ArrayList<>();
            // jq in the rounds too (last in each), so the "× jq" ratios pair it with scans of the same spell.
            Case jq = tree.equals("plain") ? jq() : null;
            for (String threads : cores == 1 ? List.of("1") : List.of("1", all)) {
                String each = threads.equals("1") ? "1 thread, " : threads + " threads, ";
                String scanThreads = threads.equals("1") ? "--threads 1, " : "(" + all + " threads), ";
                Case bare = add(cases, "bare Jackson parse, " + each + kind, null, "reference: one tree per record",
                        List.of(java, "-cp", classPath, BareParse.class.getName(), "--threads", threads, files));
                if (tree.equals("plain") && threads.equals("1")) {
                    add(cases, "bare parse with Watchpost's mapper (duplicate keys rejected), 1 thread, " + kind, bare,
                            "what the strict mapper costs", List.of(java, "-cp", classPath,
                                    BareParse.class.getName(), "--threads", "1", "--strict", files));
                }
                if (baselineJar != null && threads.equals(all)) {
                    add(cases, "scan by the --baseline-jar, default threads, " + kind, bare,
                            "the older jar, for before / after",
                            List.of(java, "-jar", baselineJar, "scan", "--format", "json", files)).isBaseline = true;
                }
                add(cases, "scan --format json " + scanThreads + kind, bare, "", List.of(java, "-jar",
                        this.jar.toString(), "scan", "--format", "json", "--threads", threads, files)).isScan = true;
                // bin/watchpost's flags (capped heap, throughput collector, C2 thresholds), given to the bare parse
                // too, so the ratio compares the work and not the JVM's settings.
                Case launcherBare = add(cases, "bare Jackson parse, bin/watchpost's flags, " + each + kind, null,
                        "reference", command(java, launcherFlags, "-cp", classPath, BareParse.class.getName(),
                                "--threads", threads, files));
                // The limit of a scan that builds only the records a detection watches: every record tokenised, its
                // event name read, no tree.
                Case skim = add(cases, "bare Jackson tokenising, no trees, bin/watchpost's flags, " + each + kind,
                        launcherBare, "reference: event name only", command(java, launcherFlags, "-cp", classPath,
                                BareParse.class.getName(), "--skim", "--threads", threads, files));
                Case uncached = add(cases, "bin/watchpost scan --format json, no AOT cache, " + scanThreads + kind,
                        launcherBare, "the launcher's flags alone", command(launcher.toString(), List.of(), "scan",
                                "--format", "json", "--threads", threads, files));
                uncached.isScan = true;
                uncached.tokenising = skim;
                uncached.jq = jq;
                sideBySide.add(new Case[] {uncached, launcherBare});
                if (next != null && tree.equals("plain") && threads.equals("1")) {
                    marginal = marginalCases(cases, launcherBare, uncached);
                }
                Case reference = launcherBare;
                if (aotCache != null) {
                    // AOTMode=on: a cache the JVM cannot use ends the run, instead of a warning nobody reads.
                    reference = add(cases, "bare Jackson parse, bin/watchpost's flags + its own AOT cache, " + each
                            + kind, null, "reference; cache trained on another corpus", command(java, launcherFlags,
                                    "-XX:AOTMode=on", "-XX:AOTCache=" + bareAotCache, "-cp", classPath,
                                    BareParse.class.getName(), "--threads", threads, files));
                }
                // The build's cache, trained on the sample events of events/, holds classes more than profiles; beside
                // the bare parse without one, and (below) with one trained on a whole corpus.
                Case shipped = add(cases, "bin/watchpost scan --format json " + scanThreads + kind, launcherBare,
                        "as shipped: the build's AOT cache (trained on events/)", command(launcher.toString(),
                                List.of(), "scan", "--format", "json", "--threads", threads, files));
                shipped.isScan = true;
                shipped.env = Map.of("WATCHPOST_AOT_CACHE", builtCache.toString());
                shipped.tokenising = skim;
                shipped.alsoAgainst = reference == launcherBare ? null : reference;
                shipped.jq = jq;
                // What a user runs against what a plain Jackson program costs on the same bytes.
                sideBySide.add(new Case[] {shipped, launcherBare});
                if (aotCache != null) {
                    Case trained = add(cases, "bin/watchpost after `bin/watchpost train`, " + scanThreads + kind,
                            reference, "cache trained on another corpus", command(launcher.toString(), List.of(),
                                    "scan", "--format", "json", "--threads", threads, files));
                    trained.isScan = true;
                    trained.env = Map.of("WATCHPOST_AOT_CACHE", aotCache.toString());
                    trained.jq = jq;
                    sideBySide.add(new Case[] {trained, reference});
                }
            }
            if (jq != null) {
                cases.add(jq);
            }
            inRounds(cases);
            for (Case c : cases) {
                row(c);
            }
        }
        for (Case[] pair : sideBySide) {
            sideBySide(pair[0], pair[1]);
        }
        if (marginal != null) {
            marginalRow(marginal);
            marginalSideBySide(marginal);
        }
    }

    /**
     * The runs of the marginal rows: the bare parse and the scan (launcher's flags, no AOT cache, one thread) over
     * this corpus and the next one together, each added to the rounds just after its run over this corpus alone.
     * Returns {scan of the first corpus, scan of both, bare parse of the first, bare parse of both}.
     */
    private Case[] marginalCases(List<Case> cases, Case bare, Case scan) throws IOException {
        Properties second = manifest(next);
        String files = next.resolve("plain").toString();
        String then = ", then a second corpus of the same size";
        Case bareBoth = new Case(bare.what + then, append(bare.command, files), null, "");
        Case scanBoth = new Case(scan.what + then, append(scan.command, files), null, "");
        scanBoth.isScan = true;
        for (Case both : List.of(bareBoth, scanBoth)) {
            both.bytes = bytes + Long.parseLong(second.getProperty("plainBytes"));
            both.records = records + Long.parseLong(second.getProperty("records"));
            both.findings = findings + Long.parseLong(second.getProperty("expectedFindings"));
        }
        cases.add(cases.indexOf(bare) + 1, bareBoth);
        cases.add(cases.indexOf(scan) + 1, scanBoth);
        return new Case[] {scan, scanBoth, bare, bareBoth};
    }

    /**
     * The cost of the second corpus, round by round: each program's CPU time over both corpora less its time over the
     * first, so what every run pays once (JVM start-up, class loading, JIT compilation of what the first records
     * reach) drops out, and the ratio is the per-byte one a scan of many GB tends to.
     */
    private void marginalRow(Case[] marginal) {
        if (marginal[0].runs.isEmpty() || marginal[0].runs.getFirst().cpu < 0) {
            return;
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> scanCost = new ArrayList<>();
        List<Double> bareCost = new ArrayList<>();
        for (int i = 0; i < marginal[0].runs.size(); i++) {
            double scan = marginal[1].runs.get(i).cpu - marginal[0].runs.get(i).cpu;
            double bare = marginal[3].runs.get(i).cpu - marginal[2].runs.get(i).cpu;
            scanCost.add(scan);
            bareCost.add(bare);
            ratios.add(100 * bare / scan);
        }
        Results.add(results, "scan", "the second corpus alone: " + marginal[0].what,
                Results.format("%.0f%% of the bare parse's per CPU-second", median(ratios)),
                Results.format("%.0f-%.0f%% (%d %s)", min(ratios), max(ratios), ratios.size(),
                        ratios.size() == 1 ? "round" : "rounds"), "",
                Results.format("%.2f CPU-s for the scan, %.2f for the bare parse (medians): each one's run over "
                        + "both corpora less its run over the first", median(scanCost), median(bareCost)));
    }

    /** The marginal ratio again, side by side: the pair over the first corpus started together, then over both. */
    private void marginalSideBySide(Case[] marginal) throws IOException, InterruptedException {
        if (!gnuTime || pairs < 1) {
            return;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Measured[] one = together(marginal[0], marginal[2], i % 2 == 0);
            Measured[] both = together(marginal[1], marginal[3], i % 2 == 0);
            ratios.add(100 * (both[1].cpu - one[1].cpu) / (both[0].cpu - one[0].cpu));
        }
        Results.add(results, "scan", "side by side, the second corpus alone: " + marginal[0].what + " against "
                + marginal[2].what, Results.format("%.0f%% per CPU-second", median(ratios)),
                Results.format("%.0f-%.0f%% (%d %s)", min(ratios), max(ratios), ratios.size(),
                        ratios.size() == 1 ? "pair" : "pairs"), "",
                "each pair: both over the first corpus started together, then both over both; the bare parse's "
                        + "added CPU time over the scan's");
    }

    /** Runs the scan and its reference started together; returns {the scan's run, the reference's}. */
    private Measured[] together(Case scan, Case reference, boolean scanFirst) throws IOException,
            InterruptedException {
        Running first = start(scanFirst ? scan.command : reference.command, scanFirst ? scan.env : reference.env,
                "first");
        Running second = start(scanFirst ? reference.command : scan.command, scanFirst ? reference.env : scan.env,
                "second");
        Measured a = finish(first);
        Measured b = finish(second);
        Measured scanRun = scanFirst ? a : b;
        check(scan, scanRun);
        return new Measured[] {scanRun, scanFirst ? b : a};
    }

    private static Properties manifest(Path corpus) throws IOException {
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(corpus.resolve("corpus.properties"))) {
            manifest.load(in);
        }
        return manifest;
    }

    private static List<String> append(List<String> command, String arg) {
        List<String> longer = new ArrayList<>(command);
        longer.add(arg);
        return longer;
    }

    /**
     * The per-core target's figure, measured so that the machine's drift cannot bias it: the scan and its reference
     * start together, {@link #pairs} times (the other first every second time), and each pair's ratio is the
     * reference's CPU time over the scan's, for the same bytes. Run one after the other, as in the rounds above, a
     * case and its reference can land in different spells of a virtual machine whose speed drifts by 10-25 % within
     * minutes; run side by side they share the spell, and CPU time, unlike wall time, does not depend on the other
     * process running (up to the caches and memory bandwidth the two share).
     */
    private void sideBySide(Case scan, Case reference) throws IOException, InterruptedException {
        if (!gnuTime || pairs < 1) {
            return; // CPU time comes from GNU time
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Measured[] run = together(scan, reference, i % 2 == 0);
            ratios.add(100 * run[1].cpu / run[0].cpu);
        }
        double median = median(ratios);
        String what = "side by side: " + scan.what + " against " + reference.what;
        Results.add(results, "scan", what, Results.format("%.0f%% per CPU-second", median),
                Results.format("%.0f-%.0f%% (%d %s)", min(ratios), max(ratios), ratios.size(),
                        ratios.size() == 1 ? "pair" : "pairs"), "",
                "median of the pairs' ratios: the bare parse's CPU time over the scan's, both started together");
        System.err.println("scan: " + what + ": " + Results.format("%.0f%% (%.0f-%.0f%%)", median, min(ratios),
                max(ratios)));
    }

    /** Adds a case to {@code cases} and returns it. */
    private static Case add(List<Case> cases, String what, Case reference, String notes, List<String> command) {
        Case c = new Case(what, command, reference, notes);
        cases.add(c);
        return c;
    }

    /**
     * Runs every case once per round, in order, for {@link #repeat} rounds: a case and its reference run minutes
     * apart at most, so the machine's drift (10-25 % on the VM the README's figures come from) hits both, and each
     * ratio is the median of the rounds' ratios.
     */
    private void inRounds(List<Case> cases) throws IOException, InterruptedException {
        for (int round = 1; round <= repeat; round++) {
            for (Case c : cases) {
                Measured run = once(c.command, c.env);
                check(c, run);
                c.runs.add(run);
            }
            System.err.println("scan: round " + round + " of " + repeat + " done");
        }
    }

    /**
     * A scan must report the corpus's records and findings (an older jar, whose detections may differ, the records);
     * a launcher run given a cache must have used it (no word about it on stderr).
     */
    private void check(Case c, Measured run) {
        long records = c.records > 0 ? c.records : this.records;
        long findings = c.records > 0 ? c.findings : this.findings;
        if (c.isScan && !run.stderr.contains(records + " events: " + findings + " findings")) {
            throw new IllegalStateException("scan did not report " + records + " events and " + findings
                    + " findings: " + run.stderr + " (" + c.command + ")");
        }
        if (c.isBaseline && !run.stderr.contains(records + " events: ")) {
            throw new IllegalStateException("the baseline scan did not report " + records + " events: " + run.stderr
                    + " (" + c.command + ")");
        }
        if (c.env.containsKey("WATCHPOST_AOT_CACHE")
                && (run.stderr.contains("AOT cache") || run.stderr.contains("is not used"))) {
            throw new IllegalStateException("the AOT cache was not used: " + run.stderr + " (" + c.command + ")");
        }
    }

    /** The flags {@code bin/watchpost} runs with: {@code bin/watchpost.jvm-options}, one a line, # for comments. */
    private static List<String> launcherFlags(Path launcher) throws IOException {
        Path options = launcher.resolveSibling("watchpost.jvm-options");
        List<String> flags = Files.readAllLines(options).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (flags.isEmpty()) {
            throw new IllegalStateException(options + " names no JVM flags");
        }
        return flags;
    }

    private static List<String> command(String program, List<String> flags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(flags);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * {@code jq -c '.Records[] | select(.eventName=="AuthorizeSecurityGroupIngress")'} over the plain files, or null
     * (with a row saying so) where jq is not installed.
     */
    private Case jq() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/jq")) && !onPath("jq")) {
            Results.add(results, "scan", "jq", "not installed", "", "", "apt-get install -y jq to compare");
            return null;
        }
        List<String> command = new ArrayList<>(List.of("jq", "-c",
                ".Records[] | select(.eventName==\"AuthorizeSecurityGroupIngress\")"));
        try (Stream<Path> walk = Files.walk(corpus.resolve("plain"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> command.add(p.toString()));
        }
        return new Case("jq -c '.Records[] | select(.eventName==…)', .json", command, null, "1 process");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(dir ->
                Files.isExecutable(Path.of(dir, program)));
    }

    /** A process started by {@link #start}, with where its timing and stderr go. */
    private record Running(List<String> command, Process process, long started, Path timing, Path err) {}

    private Measured once(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return finish(start(command, env, "once"));
    }

    /** Starts a command under GNU time; {@code tag} keeps the files of processes that run at once apart. */
    private Running start(List<String> command, Map<String, String> env, String tag) throws IOException {
        Path timing = work.resolve("time-" + tag + ".txt");
        Path err = work.resolve("stderr-" + tag + ".txt");
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        // bin/watchpost runs this JDK and the jar under test, with its own default flags.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WATCHPOST_JAR", jar.toString());
        builder.environment().remove("WATCHPOST_JAVA_OPTS");
        // No AOT cache unless a row asks for one (a stray functions/target/watchpost.aot would be picked up).
        builder.environment().put("WATCHPOST_AOT_CACHE", work.resolve("no-such.aot").toString());
        builder.environment().putAll(deployment);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new Running(command, builder.start(), started, timing, err);
    }

    private Measured finish(Running running) throws IOException, InterruptedException {
        int status = running.process.waitFor();
        double wall = (System.nanoTime() - running.started) / 1e9;
        String stderr = Files.readString(running.err, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + running.command + "\n" + stderr);
        }
        if (!gnuTime) {
            return new Measured(wall, -1, -1, stderr);
        }
        String[] fields = Files.readString(running.timing).trim().split("\\s+");
        return new Measured(Double.parseDouble(fields[0]), Double.parseDouble(fields[1])
                + Double.parseDouble(fields[2]), Long.parseLong(fields[3]), stderr);
    }

    /**
     * A row for the median run of a case (by wall time), with its ratios to its references, round by round; none
     * with {@code --repeat 0}, which runs only the side-by-side comparisons.
     */
    private void row(Case c) {
        if (c.runs.isEmpty()) {
            return;
        }
        List<Measured> sorted = new ArrayList<>(c.runs);
        sorted.sort((a, b) -> Double.compare(a.wall, b.wall));
        Measured median = sorted.get(sorted.size() / 2);
        long maxRss = c.runs.stream().mapToLong(Measured::rssKb).max().orElse(-1);
        boolean cpu = median.cpu > 0;
        StringBuilder note = new StringBuilder(c.notes);
        if (c.tokenising != null) {
            append(note, Results.format("%.0f%% of the tokenising rate", ratio(c, c.tokenising, Measured::wall)));
            if (cpu) {
                append(note, Results.format("%.0f%% per CPU-second", ratio(c, c.tokenising, Measured::cpu)));
            }
        }
        if (c.reference != null) {
            append(note, Results.format("%.0f%% of the bare parse's rate", ratio(c, c.reference, Measured::wall)));
            if (cpu) {
                append(note, Results.format("%.0f%% per CPU-second", ratio(c, c.reference, Measured::cpu)));
            }
        }
        if (c.jq != null) {
            append(note, Results.format("%.1f× jq's rate", ratio(c, c.jq, Measured::wall) / 100));
        }
        if (c.alsoAgainst != null) {
            append(note, Results.format("%.0f%% of the rate of the bare parse with a trained cache",
                    ratio(c, c.alsoAgainst, Measured::wall)));
            if (cpu) {
                append(note, Results.format("%.0f%% per CPU-second", ratio(c, c.alsoAgainst, Measured::cpu)));
            }
        }
        row(c.what, c.bytes > 0 ? c.bytes : bytes, c.records > 0 ? c.records : records, median, maxRss,
                c.runs.size(), note.toString());
    }

    /**
     * The case's rate as a share of the reference's, in percent, by wall time or CPU: the median over the rounds,
     * each round's pair having run minutes apart at most.
     */
    private static double ratio(Case c, Case reference, ToDoubleFunction<Measured> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < c.runs.size(); i++) {
            ratios.add(100 * figure.applyAsDouble(reference.runs.get(i)) / figure.applyAsDouble(c.runs.get(i)));
        }
        return median(ratios);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private void row(String what, long bytes, long records, Measured run, long maxRssKb, int runs, String notes) {
        double mbps = bytes / 1e6 / run.wall;
        String figure = Results.format("%.0f MB/s, %.0fk records/s", mbps, records / 1e3 / run.wall);
        String perCpu = run.cpu > 0 ? Results.format("%.0f MB per CPU-second", bytes / 1e6 / run.cpu) : "";
        Results.add(results, "scan", what, figure, Results.format("%.1f s wall (median of %d), %s", run.wall, runs,
                perCpu), maxRssKb > 0 ? Results.format("%.0f MB peak RSS", maxRssKb / 1024.0) : "", notes);
        System.err.println("scan: " + what + ": " + figure);
    }

    private static void append(StringBuilder note, String text) {
        if (!note.isEmpty()) {
            note.append("; ");
        }
        note.append(text);
    }
}
