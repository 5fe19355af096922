package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UnwatchedRecordFilter} replaces a record by a marker only when it is sure, hands on every other byte as it
 * is, and gives up (hands on the rest) at anything it does not expect; {@link RecordReader} reading through it hands
 * out exactly what it hands out without it, places in the file included.
 */
class UnwatchedRecordFilterTest {
    private static final Detections DETECTIONS = Detections.defaults(DetectionParameters.defaults());
    private static final Predicate<String> WATCHED = DETECTIONS::watchesEventName;
    private static final String U = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\"}}},\"eventName\":\"Decrypt\","
            + "\"requestParameters\":{\"encryptionContext\":{\"a\":[1,-2.5e+3,0,true,false,null,\"x\\\"y\\u00e9\","
            + "{},[]]}},\"readOnly\":true}";
    private static final String W = "{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"eventSource\":"
            + "\"ec2.amazonaws.com\",\"requestParameters\":{\"groupId\":\"sg-1\"}}";

    @Test
    void replacesEveryRecordItIsSureOf_byAMarker_keepingTheOnesToBuild() throws IOException {
        String line = "{\"Records\":[" + U + "," + W + "," + U + "," + W + "]}\n";
        UnwatchedRecordFilter filter = new UnwatchedRecordFilter(WATCHED);
        filter.restart(stream(line));

        assertEquals("{\"Records\":[{},{},{},{}]}\n", new String(filter.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(UnwatchedRecordFilter.PASSED_OVER, filter.marker(12));
        assertEquals(UnwatchedRecordFilter.TO_BUILD, filter.marker(15));
        UnwatchedRecordFilter.ToBuild first = filter.nextToBuild();
        assertEquals(W, new String(first.bytes(), StandardCharsets.UTF_8));
        assertEquals(12 + U.length() + 1, first.offset(), "the record's offset in the line");
        assertEquals(UnwatchedRecordFilter.PASSED_OVER, filter.marker(18));
        assertEquals(UnwatchedRecordFilter.TO_BUILD, filter.marker(21));
        assertEquals(12 + 2L * U.length() + W.length() + 3, filter.nextToBuild().offset());
    }

    @Test
    void endsARead_atEachMarkerOfARecordToBuild_soFewWait() throws IOException {
        String line = "{\"Records\":[" + U + "," + W + "," + W + "," + U + "]}";
        UnwatchedRecordFilter filter = new UnwatchedRecordFilter(WATCHED);
        filter.restart(stream(line));
        byte[] buffer = new byte[8000];

        assertEquals("{\"Records\":[{},{}", new String(buffer, 0, filter.read(buffer, 0, buffer.length),
                StandardCharsets.UTF_8));
        assertEquals(",{}", new String(buffer, 0, filter.read(buffer, 0, buffer.length), StandardCharsets.UTF_8));
        assertEquals(",{}]}", new String(buffer, 0, filter.read(buffer, 0, buffer.length), StandardCharsets.UTF_8));
        assertEquals(-1, filter.read(buffer, 0, buffer.length));
    }

    @Test
    void recognisesEachMarkerByItsOffset_inOrder_andGivesTheShiftBack() throws IOException {
        UnwatchedRecordFilter filter = new UnwatchedRecordFilter(WATCHED);
        filter.restart(stream("{\"Records\": [ " + U + " , " + U + "]}"));
        String out = new String(filter.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals("{\"Records\": [ {} , {}]}", out);

        assertEquals(UnwatchedRecordFilter.NOT_A_MARKER, filter.marker(17), "not where a marker is");
        assertEquals(0, filter.droppedBefore(14), "the marker's '{' is the record's");
        assertEquals(U.length() - 2, filter.droppedBefore(15), "its '}' is the record's last byte");
        assertEquals(UnwatchedRecordFilter.PASSED_OVER, filter.marker(14));
        assertEquals(UnwatchedRecordFilter.NOT_A_MARKER, filter.marker(14), "a marker is recognised once");
        assertEquals(2L * (U.length() - 2), filter.droppedBefore(20));
        assertEquals(UnwatchedRecordFilter.PASSED_OVER, filter.marker(19));
        assertEquals(2L * (U.length() - 2), filter.droppedBefore(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventName\":\"Decrypt\",\"detail\":{}}", // an envelope's key
        "{\"eventName\":\"Decrypt\",\"x\":1,\"eventName\":\"Decrypt\"}", // a key given twice
        "{\"eventName\":\"Decrypt\",\"x\":1,\"x\":2}",
        "{\"eventName\":\" \"}", // blank
        "{\"eventName\":\"Decr\\u0079pt\"}", // an escape in the name: Jackson decodes it
        "{\"eventName\":\"Décrypt\"}",
        "{\"eventName\":7}",
        "{\"event\\u004eame\":\"Decrypt\"}", // an escaped top-level key
        "{\"eventName\":\"Decrypt\",\"a\":{\"k\\u0065y\":1}}", // a key below the top level that is not plain
        "{\"eventName\":\"Decrypt\",\"a\":{\"ké\":1}}",
        "{}",
        "{\"x\":1}"
    })
    void handsOnARecordItIsNotSureOf_asItIs_andGoesOn(String record) {
        String line = "{\"Records\":[" + record + "," + U + "]}";

        assertEquals("{\"Records\":[" + record + ",{}]}", filtered(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventName\":\"Decrypt\",\"a\":01}", // a leading zero
        "{\"eventName\":\"Decrypt\",\"a\":1.}",
        "{\"eventName\":\"Decrypt\",\"a\":.5}",
        "{\"eventName\":\"Decrypt\",\"a\":+1}",
        "{\"eventName\":\"Decrypt\",\"a\":1e}",
        "{\"eventName\":\"Decrypt\",\"a\":-}",
        "{\"eventName\":\"Decrypt\",\"a\":tru}",
        "{\"eventName\":\"Decrypt\",\"a\":truex}",
        "{\"eventName\":\"Decrypt\",\"a\":NaN}",
        "{\"eventName\":\"Decrypt\",\"a\":[1,]}",
        "{\"eventName\":\"Decrypt\",\"a\":{\"b\":1,}}",
        "{\"eventName\":\"Decrypt\",\"a\":{\"b\" 1}}",
        "{\"eventName\":\"Decrypt\",\"a\":[1}",
        "{\"eventName\":\"Decrypt\",\"a\":\"\\x\"}", // a bad escape
        "{\"eventName\":\"Decrypt\",\"a\":\"\\u12g4\"}",
        "{\"eventName\":\"Decrypt\",\"a\":\"tab\there\"}", // a control character
        "{\"eventName\":\"Decrypt\",\n\"a\":1}", // a line break
        "{\"eventName\":\"Decrypt\",\r\"a\":1}",
        "{\"eventName\":\"Decrypt\" \"a\":1}",
        "{\"eventName\":\"Decrypt\",\"a\":1"
    })
    void givesUpAtWhatItDoesNotExpect_handingOnEverythingFromThere(String broken) {
        String line = "{\"Records\":[" + U + "," + broken + "," + U + "]}";

        assertEquals("{\"Records\":[{}," + broken + "," + U + "]}", filtered(line));
    }

    /**
     * A marker ends as its record did, with {@code }}, so nothing after it can run into it (as {@code 5} after a
     * marker {@code 1} would read as {@code 15}); at what follows that is not a comma the filter gives up.
     */
    @ParameterizedTest
    @ValueSource(strings = {"5", ".5", "e5", "E", "0", " 5", "\t.5", "x", "\"a\"", "{}", "true"})
    void replacesARecordWhateverFollowsIt_andGivesUpThere(String after) {
        for (String record : new String[] {U, W}) {
            String line = "{\"Records\":[" + U + "," + record + after + "," + W + "]}";

            assertEquals("{\"Records\":[{},{}" + after + "," + W + "]}", filtered(line));
        }
    }

    @Test
    void replacesARecordFollowedBySpacesAndTheArraysEnd() {
        assertEquals("{\"Records\":[{},{} \t]}", filtered("{\"Records\":[" + U + "," + W + " \t]}"));
    }

    @Test
    void givesUpOnBytesThatAreNotWellFormedUtf8() {
        for (byte[] bad : new byte[][] {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2,
                (byte) 0x82}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}}) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.writeBytes("{\"eventName\":\"Decrypt\",\"a\":\"ab".getBytes(StandardCharsets.US_ASCII));
            record.writeBytes(bad);
            record.writeBytes("cdefghijkl\"}".getBytes(StandardCharsets.US_ASCII));
            String broken = new String(record.toByteArray(), StandardCharsets.ISO_8859_1);
            byte[] line = ("{\"Records\":[" + U + "," + broken + "]}").getBytes(StandardCharsets.ISO_8859_1);

            assertEquals("{\"Records\":[{}," + broken + "]}",
                    new String(filtered(line, Integer.MAX_VALUE), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void replacesRecordsWithWellFormedUtf8_andStringsOfEveryLength() {
        StringBuilder line = new StringBuilder("{\"Records\":[");
        StringBuilder expected = new StringBuilder("{\"Records\":[");
        for (int length = 0; length < 40; length++) {
            String text = "é€😀abcdefghijklmnopqrstuvwxyz0123456789\\\"\\\\\\/\\b\\f\\n\\r\\t\\uABcd".repeat(3)
                    .substring(0, length);
            if (text.endsWith("\\") || text.matches(".*\\\\u[0-9A-Za-z]{0,3}$")) {
                continue; // cut inside an escape
            }
            line.append(length == 0 ? "" : ",").append("{\"eventName\":\"Decrypt\",\"s\":\"").append(text)
                    .append("\"}");
            expected.append(length == 0 ? "" : ",").append("{}");
        }
        line.append("]}");
        expected.append("]}");

        assertEquals(expected.toString(), filtered(line.toString()));
    }

    @Test
    void leavesARecordNestedDeeperThanItsLimit_toJackson() {
        int depth = UnwatchedRecordFilter.MAX_DEPTH;
        String fits = "{\"eventName\":\"Decrypt\",\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        String tooDeep = "{\"eventName\":\"Decrypt\",\"a\":" + "[".repeat(depth + 1) + "]".repeat(depth + 1) + "}";

        assertEquals("{\"Records\":[{},{}]}", filtered("{\"Records\":[" + fits + "," + U + "]}"));
        assertEquals("{\"Records\":[" + tooDeep + "," + U + "]}",
                filtered("{\"Records\":[" + tooDeep + "," + U + "]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[" , "{\"Records\":{", "{\"records\":[", "{\"Other\":1,\"Records\":[",
        "\uFEFF{\"Records\":[", "\n{\"Records\":[", " {\"Records\" : [ ]}", "{\"Records\":[1,"})
    void actsOnlyInsideARecordsArrayThatOpensTheLine(String head) {
        String line = head + U + "]}";

        assertEquals(line, filtered(line));
    }

    @Test
    void scansRecordsAcrossReadsOfAnySize_andOneLargerThanItsBuffer() {
        String big = "{\"eventName\":\"Decrypt\",\"blob\":\"" + "x".repeat(200_000) + "\"}";
        StringBuilder line = new StringBuilder("{\"Records\":[");
        StringBuilder expected = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 300; i++) {
            String record = i % 7 == 3 ? W : i == 150 ? big : U;
            line.append(i == 0 ? "" : ",").append(record);
            expected.append(i == 0 ? "" : ",").append("{}");
        }
        line.append("]}");
        expected.append("]}");

        for (int chunk : new int[] {1, 3, 7, 8, 4096, 1 << 20}) {
            assertEquals(expected.toString(), filtered(line.toString(), chunk), "reads of " + chunk + " bytes");
        }
    }

    /** Through the reader, with the filter and without: the same items, and the same places in broken files. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Records\":[U,U,W,U]}",
        "{\"Records\":[U,U,{\"eventName\":\"Decrypt\",\"a\":[1,}]}",
        "{\"Records\":[U,U,{\"eventName\":\"Decrypt\",\"a\":\"\\x\"},U]}",
        "{\"Records\":[U,U,{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"a\":[1,,]},U]}",
        "{\"Records\":[U,U,{\"eventName\":\"Decrypt\",\"a\":{\"b\":",
        "{\"Records\":[U,U,{\"eventName\":\"Decrypt\",\"a\":[[",
        "{\"Records\":[U,U,",
        "{\"Records\":[U,U,U",
        "{\"Records\":[U,U,U]",
        "{\"Records\":[U,U,7,U]}",
        "{\"Records\":[U,U,0,U]}",
        "{\"Records\":[U,U,W,U],\"Records\":[]}",
        "{\"Records\":[U,U,U]} {\"Records\":[U,W]}",
        "{\"Records\":[U,U,U]}\r\n{\"Records\":[U,W]}\n{\"Records\":[U,{\"eventName\":\"Decrypt\",\"x\":1,\"x\":2}]}",
        "{\"Records\":[U,{\"eventName\":\"Decrypt\",\"a\":\"\u00ff\"},U]}",
        "{\"Records\":[U,U]}garbage",
        "{\"Records\":[U,{\"eventName\":\"Decrypt\",\"eventName\":\"RunInstances\"},U]}",
        "{\"Records\":[U,{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"a\":{\"b\":1,\"b\":2}},U,W]}",
        "{\"Records\":[U,W,U,{\"eventName\":\"RunInstances\",\"n\":[1,2,{\"b\":\"x\",\"b\":\"y\"}]},W]}",
        "{\"Records\":[U,W5,W]}", // a marker must not run into the bytes after its record
        "{\"Records\":[U,W5]}",
        "{\"Records\":[U,W0]}",
        "{\"Records\":[U,W.5,W]}",
        "{\"Records\":[U,We5]}",
        "{\"Records\":[U,WE]}",
        "{\"Records\":[U,U5]}",
        "{\"Records\":[U,U.5,W]}",
        "{\"Records\":[U,W 5,W]}",
        "{\"Records\":[U,W",
        "{\"Records\":[U,W ",
        "{\"Records\":[U,U"
    })
    void readsAsWithoutTheFilter_placesInTheFileIncluded(String template) {
        byte[] bytes = template.replace("U", U).replace("W", W).getBytes(StandardCharsets.UTF_8);

        List<String> with = read(bytes, true);
        List<String> without = read(bytes, false);

        assertEquals(without, with);
        assertTrue(with.stream().anyMatch(item -> item.startsWith("Unwatched")), "some record was passed over");
    }

    /** Jackson names the current token when a line ends inside a character: the record's end, not its marker. */
    @Test
    void readsATruncatedCharacterAfterAMarker_asWithoutTheFilter() {
        for (String record : new String[] {U, W}) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes(("{\"Records\":[" + U + "," + record + ", ").getBytes(StandardCharsets.UTF_8));
            line.write(0xf3); // the lead byte of four, and nothing after it

            List<String> with = read(line.toByteArray(), true);

            assertEquals(read(line.toByteArray(), false), with);
            assertTrue(with.getLast().contains("Unexpected end-of-input in END_OBJECT"), with.getLast());
        }
    }

    private static List<String> read(byte[] bytes, boolean filter) {
        List<String> items = new ArrayList<>();
        RecordReader.read(new ByteArrayInputStream(bytes), WATCHED, item -> items.add(item instanceof ReadItem.Event e
                ? "event " + e.place() + " " + e.event().detail() : item.toString()), filter);
        return items;
    }

    private static String filtered(String line) {
        return filtered(line, Integer.MAX_VALUE);
    }

    private static String filtered(String line, int chunk) {
        return new String(filtered(line.getBytes(StandardCharsets.UTF_8), chunk), StandardCharsets.UTF_8);
    }

    /** The filter's output for {@code line}, which it reads {@code chunk} bytes at a time, and is read so too. */
    private static byte[] filtered(byte[] line, int chunk) {
        UnwatchedRecordFilter filter = new UnwatchedRecordFilter(WATCHED);
        filter.restart(new ChunkedInput(line, chunk));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk == Integer.MAX_VALUE ? 8000 : Math.max(1, chunk)];
        try {
            for (int n = filter.read(buffer, 0, buffer.length); n >= 0; n = filter.read(buffer, 0, buffer.length)) {
                assertTrue(n > 0, "read returned 0");
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out at most {@code chunk} bytes a read. */
    private static final class ChunkedInput extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int position;

        ChunkedInput(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
