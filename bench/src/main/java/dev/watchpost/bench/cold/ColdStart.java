package dev.watchpost.bench.cold;

import dev.watchpost.bench.Results;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cold-start harness: runs {@link ColdStartProbe} (and {@link Hello}, the reference) in a fresh JVM per run, under
 * several JVM configurations, interleaved so machine noise spreads evenly, with the SDK pointed at a loopback
 * {@link StubAws} through {@code AWS_ENDPOINT_URL}. Each handler run must make exactly one DescribeSecurityGroups,
 * one RevokeSecurityGroupIngress and one Publish, or the harness fails. Reports median and min–max of wall time and
 * peak RSS, the constructor and first-event times, classes loaded for one event and the jar size.
 *
 * <p>Usage: {@code ColdStart --jar watchpost.jar --bench-jar bench.jar --event FILE --work DIR --results FILE
 * [--runs 10]}
 */
public final class ColdStart {
    private static final Pattern COLD = Pattern.compile(
            "COLD init_ms=([0-9.]+) checkpoint_ms=([0-9.]+) event_ms=([0-9.]+) rss_kb=(-?[0-9]+) result=(.*)");
    private static final String FAMILY = "network";

    private record Config(String name, List<String> flags, boolean hello, boolean checkpoint) {}

    private record Run(double wallMs, double initMs, double checkpointMs, double eventMs, long rssKb) {}

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(options.get("--jar")).toAbsolutePath();
        Path benchJar = Path.of(options.get("--bench-jar")).toAbsolutePath();
        Path event = Path.of(options.get("--event")).toAbsolutePath();
        Path work = Path.of(options.get("--work")).toAbsolutePath();
        Path results = Path.of(options.get("--results"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "10"));
        Files.createDirectories(work.resolve("home"));
        Files.deleteIfExists(results);
        String classPath = jar + java.io.File.pathSeparator + benchJar;
        Path aot = work.resolve("handler.aot");

        try (StubAws stub = new StubAws()) {
            Map<String, String> env = environment(stub, work);
            System.err.println("cold: training the AOT cache (one run with -XX:AOTCacheOutput)");
            Files.deleteIfExists(aot);
            launch(List.of("-XX:AOTCacheOutput=" + aot), classPath, event, false, false, env, stub, work);

            List<Config> configs = List.of(
                    new Config("hello JVM (reference)", List.of(), true, false),
                    new Config("handler, default flags", List.of(), false, false),
                    new Config("handler, -XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"), false, false),
                    new Config("handler, AOT cache", List.of("-XX:AOTCache=" + aot), false, false),
                    new Config("handler, AOT cache + TieredStopAtLevel=1",
                            List.of("-XX:AOTCache=" + aot, "-XX:TieredStopAtLevel=1"), false, false),
                    new Config("handler, SnapStart hooks run (priming), then the event",
                            List.of("-Dorg.crac.Core.Compat=dev.watchpost.bench.cold.crac"), false, true));
            Map<Config, List<Run>> measured = new LinkedHashMap<>();
            configs.forEach(config -> measured.put(config, new ArrayList<>()));
            for (Config config : configs) { // one unmeasured run each: page cache, AOT file mapped once
                launch(config.flags, classPath, event, config.hello, config.checkpoint, env, stub, work);
            }
            for (int i = 0; i < runs; i++) {
                for (Config config : configs) {
                    measured.get(config).add(launch(config.flags, classPath, event, config.hello, config.checkpoint,
                            env, stub, work));
                }
                System.err.printf("cold: round %d of %d%n", i + 1, runs);
            }
            for (Map.Entry<Config, List<Run>> entry : measured.entrySet()) {
                report(results, entry.getKey(), entry.getValue());
            }
            classesLoaded(results, classPath, event, env, stub, work, aot);
        }
        Results.add(results, "artifact", "watchpost.jar (one jar for all four functions and the CLI)",
                Results.format("%.1f MB", Files.size(jar) / 1e6), "", "", entries(jar) + " entries");
    }

    /** The Lambda-like environment: region, dummy keys, the stub as endpoint, no AWS config files, no IMDS. */
    private static Map<String, String> environment(StubAws stub, Path work) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", work.resolve("home").toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_ENDPOINT_URL", stub.uri().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString());
        env.put("WATCHPOST_ACCOUNT_ID", "123456789012"); // the fixture's account: Watchpost's own, so it remediates
        env.put("AWS_LAMBDA_FUNCTION_NAME", "watchpost-" + FAMILY);
        env.put("WATCHPOST_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:watchpost-alerts");
        env.put("WATCHPOST_OWN_ROLE_ARNS", "arn:aws:iam::123456789012:role/watchpost-network-us-east-1");
        return env;
    }

    private static Run launch(List<String> flags, String classPath, Path event, boolean hello, boolean checkpoint,
                              Map<String, String> env, StubAws stub, Path work) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classPath);
        if (hello) {
            command.add(Hello.class.getName());
        } else {
            command.add(ColdStartProbe.class.getName());
            command.add(FAMILY);
            command.add(event.toString());
            if (checkpoint) {
                command.add("--checkpoint");
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Map<String, Integer> before = stub.counts();
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        }
        int status = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e6;
        Matcher cold = output.stream().map(COLD::matcher).filter(Matcher::matches).findFirst().orElse(null);
        if (status != 0 || cold == null) {
            throw new IllegalStateException("run failed (exit " + status + "): " + command + "\n"
                    + String.join("\n", output));
        }
        if (!hello) {
            Map<String, Integer> after = stub.counts();
            for (String action : List.of("DescribeSecurityGroups", "RevokeSecurityGroupIngress", "Publish")) {
                int made = after.getOrDefault(action, 0) - before.getOrDefault(action, 0);
                if (made != 1) {
                    throw new IllegalStateException(action + " called " + made + " times instead of once: "
                            + after + "\n" + String.join("\n", output));
                }
            }
            if (!cold.group(5).contains("\"findings\":1")) {
                throw new IllegalStateException("the event did not raise one finding: " + cold.group(5));
            }
        }
        return new Run(wall, Double.parseDouble(cold.group(1)), Double.parseDouble(cold.group(2)),
                Double.parseDouble(cold.group(3)), Long.parseLong(cold.group(4)));
    }

    private static void report(Path results, Config config, List<Run> runs) {
        double[] wall = runs.stream().mapToDouble(Run::wallMs).sorted().toArray();
        double[] rss = runs.stream().mapToDouble(r -> r.rssKb / 1024.0).sorted().toArray();
        String notes = config.hello ? "" : Results.format("constructor %.0f ms, %sfirst event %.0f ms (medians)",
                median(runs.stream().mapToDouble(Run::initMs).sorted().toArray()),
                config.checkpoint ? Results.format("hooks %.0f ms, ",
                        median(runs.stream().mapToDouble(Run::checkpointMs).sorted().toArray())) : "",
                median(runs.stream().mapToDouble(Run::eventMs).sorted().toArray()));
        Results.add(results, "cold start", config.name + " (" + runs.size() + " runs)",
                Results.format("%.0f ms wall", median(wall)),
                Results.format("%.0f–%.0f ms", wall[0], wall[wall.length - 1]),
                Results.format("%.0f MB RSS (%.0f–%.0f)", median(rss), rss[0], rss[rss.length - 1]), notes);
    }

    /** One run per configuration with class loading logged: how many classes one event needs, and from where. */
    private static void classesLoaded(Path results, String classPath, Path event, Map<String, String> env,
                                      StubAws stub, Path work, Path aot) throws IOException, InterruptedException {
        for (String[] variant : new String[][] {{"default flags", ""}, {"AOT cache", "-XX:AOTCache=" + aot}}) {
            Path log = work.resolve("class-load-" + (variant[1].isEmpty() ? "default" : "aot") + ".log");
            List<String> flags = new ArrayList<>();
            flags.add("-Xlog:class+load=info:file=" + log);
            if (!variant[1].isEmpty()) {
                flags.add(variant[1]);
            }
            launch(flags, classPath, event, false, false, env, stub, work);
            List<String> lines;
            try (Stream<String> all = Files.lines(log)) {
                lines = all.filter(line -> line.contains(" source: ")).toList();
            }
            long shared = lines.stream().filter(line -> line.contains("source: shared objects file")).count();
            long jar = lines.stream().filter(line -> line.contains("watchpost.jar")).count();
            long ours = lines.stream().filter(line -> line.contains(" dev.watchpost.")).count();
            Results.add(results, "classes", "loaded for one event, " + variant[0], lines.size() + " classes", "",
                    "", Results.format("%d from the CDS/AOT archive, %d read from watchpost.jar; %d of Watchpost's",
                            shared, jar, ours));
        }
    }

    private static long entries(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.size();
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
