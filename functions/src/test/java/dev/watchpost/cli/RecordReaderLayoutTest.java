package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@link RecordReader} tells JSON Lines from a document spread over lines, from the first bytes of a file. */
class RecordReaderLayoutTest {
    static Stream<Named<String>> jsonLines() {
        return Stream.of(
                Named.of("the first line holds a whole value", "{\"eventName\": \"A\"}\n{\"eventName\": \"B\"}\n"),
                Named.of("the first line is not JSON", "garbage {\n{\"eventName\": \"B\"}\n"),
                Named.of("there is one line only", "{\"Records\": ["),
                Named.of("the first line is longer than the lookahead", "{\"Records\": ["
                        + "{\"eventName\": \"A\"},".repeat(RecordReader.LOOKAHEAD / 10) + "\n]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonLines")
    void readsLineByLine_when(String content) {
        assertTrue(isJsonLines(content));
    }

    /** Jackson reports the end of input after a comma as a plain parse error, not as an end-of-input one. */
    static Stream<Named<String>> documents() {
        return Stream.of(
                Named.of("the first line opens a value", "{\n  \"Records\": []\n}\n"),
                Named.of("the first line ends after a comma, in an array",
                        "{\"Records\": [{\"eventName\": \"A\"},\n{\"eventName\": \"B\"}]}\n"),
                Named.of("the first line ends after a comma, in an object",
                        "{\"eventName\": \"A\",\n\"eventSource\": \"x\"}\n"),
                Named.of("blank lines come first: it looks past them", "\n  \r\n{\"Records\": [\n]}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsAsADocument_when(String content) {
        assertFalse(isJsonLines(content));
    }

    private static boolean isJsonLines(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return RecordReader.isJsonLines(Arrays.copyOf(bytes, Math.min(bytes.length, RecordReader.LOOKAHEAD)));
    }
}
