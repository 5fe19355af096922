package dev.watchpost.bench.corpus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a seeded, realistic CloudTrail corpus in the S3 layout CloudTrail delivers
 * ({@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<random>.json.gz}),
 * twice: {@code plain/} ({@code .json}) and {@code gz/} ({@code .json.gz}), with the same records. Nearly every record
 * is {@link Background} traffic; about one in 500 is a copy of a fixture from {@code events/} (fresh event id and
 * time), so {@code corpus.properties} can say exactly how many findings a scan must report. File {@code i} depends
 * only on the seed and {@code i}, so the corpus is the same however many threads write it. A corpus already written
 * with the same seed and size is reused.
 *
 * <p>Usage: {@code CorpusGenerator --events DIR --out DIR [--megabytes 1024] [--seed 6]}
 */
public final class CorpusGenerator {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Where files come from: (account, region), repeated by weight; fixtures only go to the first. */
    private static final String[][] STREAMS = {
            {"123456789012", "us-east-1"}, {"123456789012", "us-east-1"}, {"123456789012", "us-east-1"},
            {"123456789012", "us-east-1"}, {"123456789012", "us-east-1"}, {"123456789012", "eu-west-1"},
            {"123456789012", "eu-west-1"}, {"111122223333", "us-east-1"}, {"111122223333", "us-east-1"},
            {"111122223333", "ap-southeast-2"}};
    /** One record in this many of the fixture stream is a fixture (about one in 500 overall). */
    private static final int FIXTURE_ONE_IN = 250;
    private static final int BATCH = 32;

    private record Fixture(ObjectNode detail, int findings) {}

    private record Written(Path plain, Path gz, long plainBytes, long gzBytes, int records, int fixtures,
                           int findings) {}

    private final List<Fixture> fixtures;
    private final long seed;
    private final Path out;

    private CorpusGenerator(List<Fixture> fixtures, long seed, Path out) {
        this.fixtures = fixtures;
        this.seed = seed;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Path events = null;
        Path out = null;
        long megabytes = 1024;
        long seed = 6;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--megabytes" -> megabytes = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (events == null || out == null) {
            throw new IllegalArgumentException("usage: CorpusGenerator --events DIR --out DIR [--megabytes N] [--seed N]");
        }
        Path manifest = out.resolve("corpus.properties");
        if (Files.exists(manifest)) {
            Properties existing = load(manifest);
            if (String.valueOf(seed).equals(existing.getProperty("seed"))
                    && String.valueOf(megabytes).equals(existing.getProperty("megabytes"))) {
                System.err.println("corpus: reusing " + out + " (" + existing.getProperty("records") + " records)");
                return;
            }
        }
        deleteTree(out);
        long started = System.nanoTime();
        Properties written = new CorpusGenerator(fixtures(events), seed, out).write(megabytes * 1_000_000L);
        written.setProperty("seed", String.valueOf(seed));
        written.setProperty("megabytes", String.valueOf(megabytes));
        try (OutputStream stream = Files.newOutputStream(manifest)) {
            written.store(stream, "written by dev.watchpost.bench.corpus.CorpusGenerator");
        }
        System.err.printf("corpus: %s files, %s records (%s from fixtures, %s findings expected), %.0f MB plain, "
                        + "%.0f MB gzip, in %.0f s%n", written.getProperty("files"), written.getProperty("records"),
                written.getProperty("fixtureRecords"), written.getProperty("expectedFindings"),
                Long.parseLong(written.getProperty("plainBytes")) / 1e6,
                Long.parseLong(written.getProperty("gzBytes")) / 1e6, (System.nanoTime() - started) / 1e9);
    }

    private Properties write(long targetBytes) {
        long plain = 0;
        long gz = 0;
        long records = 0;
        long fixtureRecords = 0;
        long findings = 0;
        int files = 0;
        for (int batch = 0; plain < targetBytes; batch += BATCH) {
            int first = batch;
            List<Written> done = IntStream.range(first, first + BATCH).parallel().mapToObj(this::file).toList();
            for (Written file : done) {
                if (plain >= targetBytes) {
                    delete(file.plain);
                    delete(file.gz);
                    continue;
                }
                plain += file.plainBytes;
                gz += file.gzBytes;
                records += file.records;
                fixtureRecords += file.fixtures;
                findings += file.findings;
                files++;
            }
        }
        Properties properties = new Properties();
        properties.setProperty("files", String.valueOf(files));
        properties.setProperty("records", String.valueOf(records));
        properties.setProperty("fixtureRecords", String.valueOf(fixtureRecords));
        properties.setProperty("expectedFindings", String.valueOf(findings));
        properties.setProperty("plainBytes", String.valueOf(plain));
        properties.setProperty("gzBytes", String.valueOf(gz));
        return properties;
    }

    /** Writes file {@code index} in both trees. */
    private Written file(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String[] stream = STREAMS[index % STREAMS.length];
        String account = stream[0];
        String region = stream[1];
        boolean fixtureStream = account.equals("123456789012") && region.equals("us-east-1");
        Instant delivered = START.plusSeconds(300L * (index / STREAMS.length) + 300);
        int count = (int) Math.min(5000, 20 + Math.round(-Math.log(1 - random.nextDouble()) * 600));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count * 1600);
        int fixtureCount = 0;
        int findings = 0;
        try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (int i = 0; i < count; i++) {
                String time = EVENT_TIME.format(delivered.minusSeconds(1 + random.nextInt(300)));
                ObjectNode record;
                if (fixtureStream && random.nextInt(FIXTURE_ONE_IN) == 0) {
                    Fixture fixture = fixtures.get(random.nextInt(fixtures.size()));
                    record = fixture.detail.deepCopy();
                    record.put("eventID", Ids.uuid(random));
                    record.put("eventTime", time);
                    fixtureCount++;
                    findings += fixture.findings;
                } else {
                    record = Background.record(random, account, region, time);
                }
                MAPPER.writeTree(json, record);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = account + "_CloudTrail_" + region + "_" + STAMP.format(delivered) + "_" + Ids.alnum(random, 16)
                + ".json";
        String folder = "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DAY.format(delivered);
        Path plain = out.resolve("plain").resolve(folder).resolve(name);
        Path gz = out.resolve("gz").resolve(folder).resolve(name + ".gz");
        try {
            Files.createDirectories(plain.getParent());
            Files.createDirectories(gz.getParent());
            try (OutputStream file = Files.newOutputStream(plain)) {
                bytes.writeTo(file);
            }
            try (OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
                bytes.writeTo(zipped);
            }
            return new Written(plain, gz, bytes.size(), Files.size(gz), count, fixtureCount, findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture's CloudTrail record, with the number of findings {@code expectations.json} says it raises. */
    private static List<Fixture> fixtures(Path events) throws IOException {
        JsonNode expectations = MAPPER.readTree(events.resolve("expectations.json").toFile());
        List<Fixture> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : expectations.properties()) {
            JsonNode envelope = MAPPER.readTree(events.resolve(entry.getKey()).toFile());
            out.add(new Fixture((ObjectNode) envelope.path("detail"), entry.getValue().size()));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no fixtures listed in " + events.resolve("expectations.json"));
        }
        return out;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
