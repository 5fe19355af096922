package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {
    @Test
    void readsLineByLine_whenTheFirstLineHoldsAWholeValue() throws IOException {
        assertTrue(isJsonLines("{\"eventName\": \"A\"}\n{\"eventName\": \"B\"}\n"));
    }

    @Test
    void readsAsADocument_whenTheFirstLineOpensAValue() throws IOException {
        assertFalse(isJsonLines("{\n  \"Records\": []\n}\n"));
    }

    /** Jackson reports the end of input after a comma as a plain parse error, not as an end-of-input one. */
    @Test
    void readsAsADocument_whenTheFirstLineEndsAfterAComma() throws IOException {
        assertFalse(isJsonLines("{\"Records\": [{\"eventName\": \"A\"},\n{\"eventName\": \"B\"}]}\n"));
        assertFalse(isJsonLines("{\"eventName\": \"A\",\n\"eventSource\": \"x\"}\n"));
    }

    @Test
    void looksPastBlankLines() throws IOException {
        assertFalse(isJsonLines("\n  \r\n{\"Records\": [\n]}\n"));
    }

    @Test
    void readsLineByLine_whenTheFirstLineIsNotJson() throws IOException {
        assertTrue(isJsonLines("garbage {\n{\"eventName\": \"B\"}\n"));
    }

    @Test
    void readsLineByLine_whenThereIsOneLineOnly() throws IOException {
        assertTrue(isJsonLines("{\"Records\": ["));
    }

    @Test
    void readsLineByLine_whenTheFirstLineIsLongerThanTheLookahead() throws IOException {
        String longLine = "{\"Records\": [" + "{\"eventName\": \"A\"},".repeat(JsonLayout.LOOKAHEAD / 10) + "\n]}";

        assertTrue(isJsonLines(longLine));
    }

    @Test
    void leavesTheInputWhereItWas() throws IOException {
        byte[] bytes = "{\n  \"Records\": []\n}\n".getBytes(StandardCharsets.UTF_8);
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), 16);

        JsonLayout.isJsonLines(in);

        assertArrayEquals(bytes, in.readAllBytes());
    }

    private static boolean isJsonLines(String content) throws IOException {
        return JsonLayout.isJsonLines(new BufferedInputStream(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }
}
