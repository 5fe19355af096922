package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.event.CloudTrailEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplayInput} hands bytes on unchanged, gives back a pinned value however far it read past it, and otherwise
 * keeps only its window, whatever the size of the input.
 */
class ReplayInputTest {
    @Test
    void handsTheBytesOnUnchanged() throws IOException {
        byte[] bytes = new byte[300_000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[299_999] = 'y';

        assertArrayEquals(bytes, new ReplayInput(new ByteArrayInputStream(bytes)).readAllBytes());
    }

    @Test
    void givesBackAPinnedValue_afterReadingFarPastIt() throws IOException {
        String value = "{\"eventName\": \"Decrypt\", \"n\": [" + "1, ".repeat(100_000) + "2]}";
        byte[] bytes = ("   " + value + "   ").getBytes(StandardCharsets.UTF_8);
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(bytes));
        in.read(new byte[8_000]);
        in.pin(3);
        in.readAllBytes();

        assertEquals(CloudTrailEvent.mapper().readTree(value), in.readTree(CloudTrailEvent.mapper(), 3,
                3 + value.length()));
        assertEquals('{', in.byteAt(3));
    }

    @Test
    void keepsOnlyItsWindow_whenNothingIsPinned_orOnceReleased() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(new byte[50_000_000]));
        in.read(new byte[8_000]);
        in.pin(10);
        in.read(new byte[1_000_000]);
        in.release(1_008_000);
        byte[] chunk = new byte[8_000];
        while (in.read(chunk) > 0) {
            assertTrue(in.capacity() <= 2 * 1_008_000, "grew to " + in.capacity());
        }

        IllegalArgumentException dropped = assertThrows(IllegalArgumentException.class,
                () -> in.readTree(CloudTrailEvent.mapper(), 10, 20));
        assertTrue(dropped.getMessage().contains("not kept"), dropped.getMessage());
        assertEquals(0, in.byteAt(50_000_000 - ReplayInput.WINDOW), "the window is kept");
        assertThrows(IllegalArgumentException.class, () -> in.pin(1_000), "nor can what was dropped be pinned");
    }

    @Test
    void neverGrows_whenNothingIsPinned() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(new byte[20_000_000]));
        int capacity = in.capacity();

        in.readAllBytes();

        assertEquals(capacity, in.capacity());
    }

    @Test
    void startsOverOnTheNextStream_atOffsetZero() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)));
        in.readAllBytes();

        in.restart(new ByteArrayInputStream("{\"a\": 2}".getBytes(StandardCharsets.UTF_8))).readAllBytes();

        assertEquals(CloudTrailEvent.mapper().readTree("{\"a\": 2}"), in.readTree(CloudTrailEvent.mapper(), 0, 8));
    }
}
