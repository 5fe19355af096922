package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bugs the fuzz tests found, each pinned by an ordinary test named after the behaviour that was broken, so it stays
 * fixed even if the crash file that first showed it is pruned.
 */
class FoundByFuzzingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void smallGzipFileCutShort_stillYieldsTheFindingsBeforeTheCut() throws IOException {
        String event = MAPPER.readTree(Fixtures.bytes("hardening/ModifyInstanceMetadataDefaults.optional.json"))
                .toString();
        String filler = new Random(7).ints(3000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] whole = gzip((event + "\n{\"note\":\"" + filler + "\"}\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("events.jsonl.gz"), Arrays.copyOf(whole, whole.length - 100));

        ScanCommand.Scanned scanned = ScanCommand.scan(file, false);

        assertEquals(1, scanned.status(), "the cut is reported");
        assertEquals(List.of("line 2: could not read: Unexpected end of ZLIB input stream; the rest of the file was "
                + "not read"), scanned.problems());
        assertTrue(scanned.out().contains("hardening.imds-v1-allowed"), () -> "finding lost: " + scanned);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
