package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How {@link RecordReader} tells JSON Lines from a document spread over lines, from the first bytes of a file. */
class RecordReaderLayoutTest {
    @Test
    void readsLineByLine_whenTheFirstLineHoldsAWholeValue() {
        assertTrue(isJsonLines("{\"eventName\": \"A\"}\n{\"eventName\": \"B\"}\n"));
    }

    @Test
    void readsAsADocument_whenTheFirstLineOpensAValue() {
        assertFalse(isJsonLines("{\n  \"Records\": []\n}\n"));
    }

    /** Jackson reports the end of input after a comma as a plain parse error, not as an end-of-input one. */
    @Test
    void readsAsADocument_whenTheFirstLineEndsAfterAComma() {
        assertFalse(isJsonLines("{\"Records\": [{\"eventName\": \"A\"},\n{\"eventName\": \"B\"}]}\n"));
        assertFalse(isJsonLines("{\"eventName\": \"A\",\n\"eventSource\": \"x\"}\n"));
    }

    @Test
    void looksPastBlankLines() {
        assertFalse(isJsonLines("\n  \r\n{\"Records\": [\n]}\n"));
    }

    @Test
    void readsLineByLine_whenTheFirstLineIsNotJson() {
        assertTrue(isJsonLines("garbage {\n{\"eventName\": \"B\"}\n"));
    }

    @Test
    void readsLineByLine_whenThereIsOneLineOnly() {
        assertTrue(isJsonLines("{\"Records\": ["));
    }

    @Test
    void readsLineByLine_whenTheFirstLineIsLongerThanTheLookahead() {
        String longLine = "{\"Records\": [" + "{\"eventName\": \"A\"},".repeat(RecordReader.LOOKAHEAD / 10) + "\n]}";

        assertTrue(isJsonLines(longLine));
    }

    private static boolean isJsonLines(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return RecordReader.isJsonLines(Arrays.copyOf(bytes, Math.min(bytes.length, RecordReader.LOOKAHEAD)));
    }
}
