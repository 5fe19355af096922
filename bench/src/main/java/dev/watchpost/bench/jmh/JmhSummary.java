package dev.watchpost.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.bench.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results ({@code -prof gc}) into rows of the bench table: per family, the median and the slowest
 * fixture (time and allocation per event), the routing evidence, and a Markdown table of every fixture.
 *
 * <p>Usage: {@code JmhSummary JMH_JSON RESULTS_TSV PER_FIXTURE_MD}
 */
public final class JmhSummary {
    private record Fixture(String name, double ns, double error, double bytes) {}

    private JmhSummary() {}

    public static void main(String[] args) throws IOException {
        JsonNode runs = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
        Path results = Path.of(args[1]);
        Files.deleteIfExists(results);
        Map<String, List<Fixture>> byFamily = new TreeMap<>();
        List<String> routing = new ArrayList<>();
        for (JsonNode run : runs) {
            String benchmark = run.path("benchmark").asText();
            double ns = run.path("primaryMetric").path("score").asDouble();
            double error = run.path("primaryMetric").path("scoreError").asDouble();
            double bytes = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(-1);
            if (benchmark.endsWith("PerEventBenchmark.parseRouteDetect")) {
                String fixture = run.path("params").path("fixture").asText();
                byFamily.computeIfAbsent(fixture.substring(0, fixture.indexOf('/')), f -> new ArrayList<>())
                        .add(new Fixture(fixture, ns, error, bytes));
            } else if (benchmark.contains("RoutingBenchmark")) {
                String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                routing.add(name);
                Results.add(results, "per event", "KMS Decrypt (watched by no detection): " + name,
                        Results.format("%.2f µs", ns / 1e3), Results.format("± %.2f µs (99.9%%)", error / 1e3),
                        Results.format("%.1f KB/event", bytes / 1024), "");
            }
        }
        StringBuilder table = new StringBuilder("| fixture | µs/event | ± (99.9%) | KB allocated/event |\n"
                + "|---|---:|---:|---:|\n");
        for (Map.Entry<String, List<Fixture>> family : byFamily.entrySet()) {
            List<Fixture> fixtures = new ArrayList<>(family.getValue());
            fixtures.sort(Comparator.comparingDouble(Fixture::ns));
            Fixture median = fixtures.get(fixtures.size() / 2);
            Fixture slowest = fixtures.getLast();
            Fixture hungriest = fixtures.stream().max(Comparator.comparingDouble(Fixture::bytes)).orElseThrow();
            double medianBytes = fixtures.stream().mapToDouble(Fixture::bytes).sorted().toArray()[fixtures.size() / 2];
            Results.add(results, "per event", family.getKey() + ": parse + route + detect, " + fixtures.size()
                            + " fixtures", Results.format("%.1f µs median", median.ns / 1e3),
                    Results.format("slowest %.1f µs (%s)", slowest.ns / 1e3, shortName(slowest.name)),
                    Results.format("%.1f KB/event median, max %.1f", medianBytes / 1024, hungriest.bytes / 1024),
                    "");
            for (Fixture fixture : family.getValue().stream().sorted(Comparator.comparing(Fixture::name)).toList()) {
                table.append(Results.format("| `%s` | %.2f | %.2f | %.1f |%n", fixture.name, fixture.ns / 1e3,
                        fixture.error / 1e3, fixture.bytes / 1024));
            }
        }
        Files.writeString(Path.of(args[2]), table.toString(), StandardCharsets.UTF_8);
    }

    private static String shortName(String fixture) {
        return fixture.substring(fixture.indexOf('/') + 1, fixture.length() - ".json".length());
    }
}
