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

/** {@link ReplayInput} hands bytes on unchanged and can give back any of them from its mark on, however far it read. */
class ReplayInputTest {
    @Test
    void handsTheBytesOnUnchanged() throws IOException {
        byte[] bytes = new byte[300_000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[299_999] = 'y';

        assertArrayEquals(bytes, new ReplayInput(new ByteArrayInputStream(bytes)).readAllBytes());
    }

    @Test
    void givesBackAValue_fromItsMark_afterReadingFarPastIt() throws IOException {
        String value = "{\"eventName\": \"Decrypt\", \"n\": [" + "1, ".repeat(50_000) + "2]}";
        byte[] bytes = ("   " + value + "   ").getBytes(StandardCharsets.UTF_8);
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(bytes));
        in.keepFrom(0);
        in.read(new byte[3]);
        in.keepFrom(3);
        in.readAllBytes();

        assertEquals(CloudTrailEvent.mapper().readTree(value), in.readTree(CloudTrailEvent.mapper(), 3,
                3 + value.length()));
        assertEquals('{', in.byteAt(3));
    }

    @Test
    void dropsWhatIsBeforeTheMark_andSaysSoWhenAskedForIt() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(new byte[200_000]));
        in.read(new byte[100_000]);
        in.keepFrom(90_000);
        in.read(new byte[100_000]);

        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> in.readTree(CloudTrailEvent.mapper(), 10, 20));
        assertTrue(early.getMessage().contains("not kept"), early.getMessage());
        assertThrows(IllegalArgumentException.class, () -> in.keepFrom(80_000), "a mark cannot move back");
        assertThrows(IllegalArgumentException.class, () -> in.keepFrom(200_001), "nor past what was read");
    }

    @Test
    void keepsNothing_onceToldTo_untilItStartsOver() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream(new byte[300_000]));
        in.stopKeeping();

        assertEquals(300_000, in.readAllBytes().length);
        assertThrows(IllegalArgumentException.class, () -> in.byteAt(299_999));
        in.keepFrom(5); // ignored, not refused
    }

    @Test
    void startsOverOnTheNextStream_atOffsetZero() throws IOException {
        ReplayInput in = new ReplayInput(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)));
        in.readAllBytes();

        in.restart(new ByteArrayInputStream("{\"a\": 2}".getBytes(StandardCharsets.UTF_8))).readAllBytes();

        assertEquals(CloudTrailEvent.mapper().readTree("{\"a\": 2}"), in.readTree(CloudTrailEvent.mapper(), 0, 8));
    }
}
