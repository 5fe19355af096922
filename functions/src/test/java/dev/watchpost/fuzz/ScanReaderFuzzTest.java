package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes written to a file and given to {@code watchpost scan}, as they are, gzip-compressed, and gzip-compressed then
 * cut short. Besides what every scan must do ({@link ScanCommand}): stdout in JSON format is one finding document per
 * line; gzip is read transparently (the same findings, problems and status as the plain file); a cut gzip file is
 * reported, and still yields every finding of the data that could be decompressed before the cut (up to its last
 * complete line). Input size is bounded by libFuzzer's maximum length (the largest seed, under 8 KiB), so a
 * decompressed file stays within a few MiB and an input is scanned in milliseconds; the fuzz profile's per-input
 * timeout turns a hang into a finding. Seeds: every sample event in {@code events/} (put on the test classpath at
 * build time, see the module's pom), and a file in each other shape {@code scan} reads (a log file, JSON Lines, arrays
 * of records and of envelopes, lookup-events output, CloudTrail Lake results and rows) under
 * {@code src/test/resources/dev/watchpost/fuzz/ScanReaderFuzzTestInputs/}.
 */
class ScanReaderFuzzTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> CLOCK_FIELDS = List.of("handledAt", "delaySeconds");
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "45s")
    void anyFile_plainOrGzip_isScannedOrReportedByName(byte[] input) throws IOException {
        ScanCommand.Scanned plain = ScanCommand.scan(write("plain.json", input), true);
        List<JsonNode> documents = documents(plain);

        byte[] compressed = gzip(input);
        ScanCommand.Scanned zipped = ScanCommand.scan(write("compressed.json.gz", compressed), true);
        if (!startsWithGzipMagic(input)) {
            assertEquals(plain.status(), zipped.status(), "gzip changes the exit status");
            assertEquals(plain.problems(), zipped.problems(), "gzip changes the problems reported");
            assertEquals(withoutClock(documents), withoutClock(documents(zipped)), "gzip changes the findings");
        }

        int cut = 1 + Math.floorMod(Arrays.hashCode(input), compressed.length - 1);
        byte[] cutShort = Arrays.copyOf(compressed, cut);
        ScanCommand.Scanned truncated = ScanCommand.scan(write("cut.json.gz", cutShort), false);
        assertEquals(1, truncated.status(), "a gzip file cut short is reported");
        byte[] readable = decompressible(cutShort);
        int lastNewline = lastIndexOf(readable, (byte) '\n');
        if (lastNewline >= 0 && !startsWithGzipMagic(readable)) {
            ScanCommand.Scanned before = ScanCommand.scan(write("prefix.json",
                    Arrays.copyOf(readable, lastNewline + 1)), false);
            assertTrue(truncated.out().startsWith(before.out()), () -> "findings before the cut were lost:\n"
                    + before.out() + "\n--- but the cut file gave ---\n" + truncated.out());
        }
    }

    /** Every stdout line of a JSON-format scan, each one JSON object. */
    private static List<JsonNode> documents(ScanCommand.Scanned scanned) {
        return scanned.findingLines().stream().map(line -> {
            try {
                JsonNode document = MAPPER.readTree(line);
                assertTrue(document.isObject() && document.path("detection").isTextual(),
                        () -> "not a finding document: " + line);
                return document;
            } catch (JsonProcessingException e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
        }).toList();
    }

    /** The documents without the fields that depend on the clock ({@code handledAt}, {@code delaySeconds}). */
    private static List<JsonNode> withoutClock(List<JsonNode> documents) {
        return documents.stream().<JsonNode>map(d -> ((ObjectNode) d.deepCopy()).without(CLOCK_FIELDS)).toList();
    }

    /** Everything a gzip reader can get out of {@code gzip} before it fails, read a byte at a time. */
    private static byte[] decompressible(byte[] gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            // Expected: the stream was cut. What was read so far is the answer.
        }
        return out.toByteArray();
    }

    private static boolean startsWithGzipMagic(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
