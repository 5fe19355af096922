package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.Settings;
import dev.watchpost.pipeline.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan on several threads prints exactly what a scan on one thread prints, in the same order: findings in file
 * order on stdout, problems in file order on stderr, the same summary.
 */
class ParallelScanTest {
    @TempDir
    Path dir;

    /** 60 files: the whole fixture catalog spread over them, some gzipped, one broken, one not CloudTrail. */
    private Path corpus() throws IOException {
        List<String> fixtures = List.copyOf(Fixtures.expectations().keySet());
        for (int i = 0; i < 60; i++) {
            StringBuilder records = new StringBuilder("{\"Records\":[");
            for (int j = i; j < fixtures.size(); j += 60) {
                records.append(j == i ? "" : ",").append(Fixtures.record(fixtures.get(j)));
            }
            String content = i == 17 ? records.substring(0, records.length() / 2)
                    : i == 31 ? "{\"digestEndTime\":\"2026-11-02T10:00:00Z\"}" : records + "]}";
            Path file = dir.resolve(String.format("f%02d.json%s", i, i % 3 == 0 ? ".gz" : ""));
            try (OutputStream out = i % 3 == 0 ? new GZIPOutputStream(Files.newOutputStream(file))
                    : Files.newOutputStream(file)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        }
        return dir;
    }

    @Test
    void printsTheSameThingInTheSameOrder_whateverTheThreads() throws IOException {
        Path corpus = corpus();
        Cli.Result one = Cli.run("scan", "--threads", "1", corpus.toString());
        Cli.Result four = Cli.run("scan", "--threads", "4", corpus.toString());

        assertEquals(Main.EXIT_UNREADABLE, one.status(), one.err());
        assertTrue(one.out().contains("HIGH  network.sg-admin-port-open"), one.out());
        assertTrue(one.err().contains("f17.json: record"), one.err());
        assertTrue(one.err().contains("f31.json: skipped"), one.err());
        assertEquals(one.status(), four.status());
        assertEquals(one.out(), four.out());
        assertEquals(one.err(), four.err());
    }

    @Test
    void printsTheSameThing_withMoreThreadsThanFiles() throws IOException {
        Path corpus = corpus();
        String[] many = scan(corpus, 100);
        String[] one = scan(corpus, 1);

        assertTrue(many[0].contains("network.sg-admin-port-open"), many[0]);
        assertEquals(one[0], many[0]);
        assertEquals(one[1], many[1]);
        assertEquals(one[2], many[2]);
    }

    /** stdout, stderr and the summary line of one scan. */
    private static String[] scan(Path corpus, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanOutput output = new ScanOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Pipeline pipeline = Scan.pipeline(Settings.defaults(), Set.of(), Settings.DEFAULT_NAME_PREFIX,
                new FindingPrinter(output, FindingPrinter.Format.TEXT));
        ScanSummary summary = new Scan(pipeline, output, threads, null).run(List.of(corpus));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                summary.line()};
    }

    /** The same event in many files read at once (CloudTrail may deliver an event twice) is printed once. */
    @Test
    void printsAFindingOnce_whenManyThreadsReadTheSameEvent() throws IOException {
        String log = "{\"Records\":[" + Fixtures.record(Fixtures.WORLD_SSH) + "]}";
        for (int i = 0; i < 64; i++) {
            Files.writeString(dir.resolve("copy" + i + ".json"), log);
        }

        Cli.Result result = Cli.run("scan", "--format", "json", "--threads", "16", dir.toString());

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(1, result.findings().size(), result.out());
        assertTrue(result.summary().startsWith("scanned 64 files, 64 events: 1 findings"), result.summary());
    }

    @Test
    void rejectsAThreadCountOutOfRange() {
        for (String bad : new String[] {"0", "-1", "257", "two"}) {
            Cli.Result result = Cli.run(Map.of(), "scan", "--threads", bad, dir.toString());
            assertEquals(Main.EXIT_USAGE, result.status(), result.err());
            assertTrue(result.err().contains("--threads: \"" + bad + "\" is not a thread count"), result.err());
        }
    }
}
