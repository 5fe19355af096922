package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Inflating on a separate thread gives the same bytes, and a truncated file's data before its failure. */
class GunzipAheadTest {
    private static byte[] data(int length) {
        byte[] bytes = new byte[length];
        Random random = new Random(6);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(4)); // compressible, like JSON
        }
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static InputStream ahead(byte[] gz) throws IOException {
        return new GunzipAhead(new GZIPInputStream(new ByteArrayInputStream(gz)), "test");
    }

    @Test
    void givesTheInflatedBytes_acrossManyChunks() throws IOException {
        byte[] original = data(GunzipAhead.CHUNK * 7 + 123);
        try (InputStream in = ahead(gzip(original))) {
            assertArrayEquals(original, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void givesTheDataBeforeATruncation_thenFails() throws IOException {
        byte[] original = data(GunzipAhead.CHUNK * 3);
        byte[] whole = gzip(original);
        try (InputStream in = ahead(Arrays.copyOf(whole, whole.length / 2))) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            IOException failure = assertThrows(IOException.class, () -> {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    got.write(buffer, 0, n);
                }
            });
            assertEquals(failure, assertThrows(IOException.class, () -> in.read(buffer)), "fails again, the same way");
            byte[] before = got.toByteArray();
            assertEquals(true, before.length > 0);
            assertArrayEquals(Arrays.copyOf(original, before.length), before);
        }
    }

    @Test
    void closesWithoutReadingToTheEnd() throws IOException {
        byte[] original = data(GunzipAhead.CHUNK * 20);
        InputStream in = ahead(gzip(original));
        assertEquals(original[0], (byte) in.read());
        in.close(); // returns once the inflating thread, blocked on a full queue, has stopped
    }
}
