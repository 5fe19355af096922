package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.event.CloudTrailEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplayInput} hands bytes on unchanged, gives back a pinned value however far it read past it, and otherwise
 * keeps only a window; read line by line it ends after each newline, and the next line's offsets start at 0.
 */
class ReplayInputTest {
    @Test
    void handsTheBytesOnUnchanged_afterLookingAhead() throws IOException {
        byte[] bytes = new byte[300_000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[299_999] = 'y';
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(bytes));

        assertArrayEquals(Arrays.copyOf(bytes, 1000), in.head(1000));
        assertArrayEquals(bytes, in.readAllBytes());
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
    }

    @Test
    void keepsOnlyItsWindow_whenNothingIsPinned_orOnceReleased() throws IOException {
        byte[] bytes = new byte[50_000_000];
        bytes[10] = '{';
        bytes[19] = '}';
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(bytes));
        in.read(new byte[8_000]);
        in.pin(10);
        in.read(new byte[1_000_000]);
        in.release();
        in.readAllBytes();

        assertThrows(IllegalStateException.class, () -> in.readTree(CloudTrailEvent.mapper(), 10, 20));
        assertThrows(IllegalArgumentException.class, () -> in.pin(1_000), "nor can what was dropped be pinned");
        in.pin(50_000_000 - ReplayInput.WINDOW); // the window is kept
    }

    @Test
    void handsOutEachLineWithItsNewline_skippingWhatAReaderLeft_andOffsetsStartAtEachLine() throws IOException {
        String longLine = "{\"a\": \"" + "x".repeat(300_000) + "\"}";
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(("first line\n{\"b\": 2}\n" + longLine + "\nlast")
                .getBytes(StandardCharsets.UTF_8)));
        in.readLines();
        List<String> lines = new ArrayList<>();

        assertTrue(in.nextLine());
        assertEquals('f', in.read(), "the first line, left unread but for a byte");
        assertTrue(in.nextLine());
        lines.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(CloudTrailEvent.mapper().readTree("{\"b\": 2}"), in.readTree(CloudTrailEvent.mapper(), 0, 8));
        while (in.nextLine()) {
            lines.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertEquals(List.of("{\"b\": 2}\n", longLine + "\n", "last"), lines);
        assertEquals(4, in.lineNumber());
        assertFalse(new ReplayInput(new ByteArrayInputStream(new byte[0])).nextLine(), "no line in empty input");
    }
}
