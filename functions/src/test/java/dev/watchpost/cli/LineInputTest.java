package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineInputTest {
    @Test
    void handsOutEachLineWithItsNewline_andTheLastWithout() throws IOException {
        assertEquals(List.of("a\n", "\n", "bc\r\n", "d"), lines("a\n\nbc\r\nd"));
    }

    @Test
    void handsOutNothing_forEmptyInput() throws IOException {
        assertNull(new LineInput(input("")).next());
    }

    @Test
    void skipsWhatALineReaderLeftUnread() throws IOException {
        LineInput input = new LineInput(input("first line\nsecond\n"));
        InputStream first = input.next();
        first.read(new byte[3]);

        InputStream second = input.next();

        assertEquals("second\n", new String(second.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(2, input.lineNumber());
        assertEquals(-1, first.read());
    }

    @Test
    void keepsALineLongerThanItsBufferWhole() throws IOException {
        String longLine = "x".repeat(200_000);

        assertEquals(List.of(longLine + "\n", "y"), lines(longLine + "\ny"));
    }

    private static List<String> lines(String content) throws IOException {
        LineInput input = new LineInput(input(content));
        List<String> lines = new ArrayList<>();
        for (InputStream line = input.next(); line != null; line = input.next()) {
            lines.add(new String(line.readAllBytes(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static InputStream input(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
