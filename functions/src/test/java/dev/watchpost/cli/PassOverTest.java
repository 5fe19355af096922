package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RecordReader} passes over a record in a {@code Records} array only when no detection could want it, and then
 * hands out exactly what reading every record would have, with {@link ReadItem#UNWATCHED} standing in for the events
 * no detection watches.
 */
class PassOverTest {
    private static final Detections DETECTIONS = Detections.defaults(DetectionParameters.defaults());
    private static final Predicate<String> WATCHED = DETECTIONS::watchesEventName;
    private static final JsonNode WATCHED_RECORD = Fixtures.record(Fixtures.WORLD_SSH);
    private static final String UNWATCHED_RECORD = "{\"eventVersion\": \"1.08\", \"userIdentity\": {\"type\": "
            + "\"AssumedRole\", \"sessionContext\": {\"attributes\": {\"mfaAuthenticated\": \"false\"}}}, "
            + "\"eventSource\": \"kms.amazonaws.com\", \"eventName\": \"Decrypt\", \"requestParameters\": "
            + "{\"encryptionContext\": {\"a\": [1, 2.5, true, null, \"x\\\"y\"]}}, \"readOnly\": true}";

    @Test
    void passesOverWhatNoDetectionWatches_andBuildsTheRest() {
        List<ReadItem> items = read("{\"Records\": [" + UNWATCHED_RECORD + ", " + WATCHED_RECORD + ", "
                + UNWATCHED_RECORD + "]}", WATCHED);

        assertEquals(3, items.size());
        assertEquals(ReadItem.UNWATCHED, items.get(0));
        ReadItem.Event event = assertInstanceOf(ReadItem.Event.class, items.get(1));
        assertEquals("record 2", event.place());
        assertEquals("AuthorizeSecurityGroupIngress", event.event().eventName());
        assertEquals(ReadItem.UNWATCHED, items.get(2));
    }

    @Test
    void buildsAWatchedRecord_fromAllOfItsBytes() {
        List<ReadItem> items = read("{\n\"Records\": [" + UNWATCHED_RECORD + ",\n" + WATCHED_RECORD.toPrettyString()
                + "]}", WATCHED);
        ReadItem.Event event = assertInstanceOf(ReadItem.Event.class, items.get(1), items::toString);

        assertEquals(WATCHED_RECORD, event.event().detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventSource\": \"kms.amazonaws.com\"}",
        "{\"eventName\": 7}",
        "{\"eventName\": null}",
        "{\"eventName\": {\"nested\": \"Decrypt\"}}",
        "{\"eventName\": \"  \"}"})
    void buildsARecordWithoutAUsableName_soItIsReportedAsAlways(String record) {
        List<ReadItem> items = read("{\"Records\": [" + record + "]}", name -> false);

        assertEquals(List.of(new ReadItem.Unreadable("record 1", "no \"eventName\" string: not a CloudTrail record")),
                items);
    }

    @Test
    void buildsAnEnvelopeInARecordsArray_whoseNameIsInside() {
        String envelope = "{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": " + WATCHED_RECORD + "}";

        List<ReadItem> items = read("{\"Records\": [" + envelope + "]}", WATCHED);

        assertEquals("AuthorizeSecurityGroupIngress",
                assertInstanceOf(ReadItem.Event.class, items.getFirst()).event().eventName());
    }

    @Test
    void reportsAnyTopLevelKeyGivenTwice_inARecordItWouldPassOver() {
        List<ReadItem> items = read("{\"Records\": [{\"eventName\": \"Decrypt\", \"eventSource\": \"a\", "
                + "\"eventSource\": \"b\"}]}", name -> false);

        assertEquals(List.of(new ReadItem.Unreadable("record 1", "not valid JSON: Duplicate field 'eventSource'")),
                items);
    }

    @Test
    void findsAKeyGivenTwice_amongManyKeys() {
        StringBuilder keys = new StringBuilder("{\"eventName\": \"Decrypt\"");
        for (int i = 0; i < 400; i++) {
            keys.append(", \"k").append(i).append("\": ").append(i);
        }
        String many = keys + "}";
        String twice = keys + ", \"k377\": 0}";

        assertEquals(List.of(ReadItem.UNWATCHED), read("{\"Records\": [" + many + "]}", name -> false));
        assertEquals(List.of(new ReadItem.Unreadable("record 1", "not valid JSON: Duplicate field 'k377'")),
                read("{\"Records\": [" + twice + "]}", name -> false));
    }

    @Test
    void reportsANameGivenTwice_evenWhenNeitherIsWatched() {
        List<ReadItem> items = read("{\"Records\": [{\"eventName\": \"Decrypt\", \"eventName\": \"Encrypt\"}]}",
                name -> false);

        assertEquals(List.of(new ReadItem.Unreadable("record 1", "not valid JSON: Duplicate field 'eventName'")),
                items);
    }

    @Test
    void hidesNoWatchedNameBehindAnUnwatchedOne() {
        List<ReadItem> items = read("{\"Records\": [{\"eventName\": \"Decrypt\", \"eventName\": "
                + "\"AuthorizeSecurityGroupIngress\"}]}", WATCHED);

        assertInstanceOf(ReadItem.Unreadable.class, items.getFirst());
    }

    @Test
    void asksAboutTheNameWithItsEscapesDecoded() {
        List<String> asked = new ArrayList<>();

        read("{\"Records\": [{\"eventName\": \"Run\\u0049nstances\"}]}", name -> asked.add(name) && false);

        assertEquals(List.of("RunInstances"), asked);
    }

    @Test
    void stillReportsBrokenJson_inARecordItPassesOver_whereReadingEverythingWould() {
        String broken = "{\n\"Records\": [\n" + UNWATCHED_RECORD + ",\n{\"eventName\": \"Decrypt\", \"x\": [1, }]}";

        List<ReadItem> passingOver = read(broken, name -> false);

        assertEquals(read(broken, name -> true).getLast(), passingOver.getLast());
        ReadItems.assertTheRestWasNotRead(passingOver.getLast(), "record 2", "line 4, column 35");
    }

    /** Found in review: the tokeniser skips such strings without decoding them, so only building finds the fault. */
    @Test
    void losesOnlyTheRecord_whoseStringIsNotValidUtf8_sayingWhereInTheFile() {
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        String head = "{\n\"Records\": [\n" + UNWATCHED_RECORD + ",\n  {\"eventName\": \"RunInstances\", \"s\": \"";
        byte[] content = concat(head.getBytes(StandardCharsets.UTF_8), surrogate,
                ("\"},\n" + WATCHED_RECORD + "]}").getBytes(StandardCharsets.UTF_8));

        List<ReadItem> items = read(content, WATCHED);

        assertEquals(3, items.size(), items::toString);
        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, items.get(1));
        assertEquals("record 2", problem.place());
        assertTrue(problem.reason().startsWith("not valid JSON: Invalid UTF-8"), problem.reason());
        // Where Jackson puts it reading the whole file: just past the bad bytes.
        assertTrue(problem.reason().endsWith(" at line 4, column 42"), problem.reason());
        assertInstanceOf(ReadItem.Event.class, items.get(2));
        assertEquals(ReadItem.UNWATCHED, read(content, name -> false).get(1), "unwatched, it is not looked into");
    }

    /** Found in review: what is skipped outside any record must not be kept. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"Events\": [], \"padding\": [", "{\"Records\": [], \"padding\": ["})
    void keepsNoMoreThanAWindow_ofWhatItSkipsOutsideRecords(String head) {
        long megabytes = 64;
        InputStream in = new RepeatingInput(head, "{\"eventName\": \"Decrypt\"},", megabytes << 20, "1]}");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        List<ReadItem> items = new ArrayList<>();
        RecordReader.read(in, WATCHED, items::add);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16L << 20, "allocated " + (allocated >> 20) + " MB to read " + megabytes + " MB");
        assertTrue(items.stream().noneMatch(item -> item instanceof ReadItem.Event), items::toString);
    }

    @Test
    void doesNotLookForKeysGivenTwice_deepInARecordItPassesOver() {
        String deep = "{\"Records\": [{\"eventName\": \"Decrypt\", \"requestParameters\": {\"a\": 1, \"a\": 2}}]}";

        assertEquals(List.of(ReadItem.UNWATCHED), read(deep, name -> false));
        assertInstanceOf(ReadItem.Unreadable.class, read(deep, name -> true).getFirst(),
                "the same record, when built, is rejected");
    }

    @Test
    void keepsEveryByteOfARecordLargerThanItsBuffer() {
        ObjectNode large = WATCHED_RECORD.deepCopy();
        ArrayNode padding = large.with("requestParameters").putArray("padding");
        for (int i = 0; i < 20_000; i++) {
            padding.add("value " + i);
        }
        String content = "{\"Records\": [" + UNWATCHED_RECORD + ", " + large + ", " + UNWATCHED_RECORD + ", " + large
                + "]}";
        assertTrue(content.length() > 4 * 65_536, "the record must outgrow the kept buffer");

        List<ReadItem> items = read(content, WATCHED);

        assertEquals(4, items.size());
        for (int index : new int[] {1, 3}) {
            ReadItem.Event event = assertInstanceOf(ReadItem.Event.class, items.get(index));
            assertEquals(large, event.event().detail());
        }
    }

    /** Found by {@link PassOverFuzzTest}: Jackson reads UTF-16 and UTF-32 by characters, without byte offsets. */
    @Test
    void buildsEveryRecord_ofAFileInUtf16_whoseBytesItCannotFindAgain() {
        String content = "{\"Records\": [" + UNWATCHED_RECORD + ", " + WATCHED_RECORD + "]}";
        List<ReadItem> items = new ArrayList<>();

        RecordReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_16LE)), WATCHED, items::add);

        assertEquals(List.of("Decrypt", "AuthorizeSecurityGroupIngress"), items.stream()
                .map(item -> assertInstanceOf(ReadItem.Event.class, item).event().eventName()).toList());
    }

    @Test
    void passesOverInJsonLines_lineByLine() {
        String line = "{\"Records\": [" + UNWATCHED_RECORD + ", " + WATCHED_RECORD + "]}";

        List<ReadItem> items = read(line + "\n" + line + "\n", WATCHED);

        assertEquals(4, items.size());
        assertEquals(ReadItem.UNWATCHED, items.get(2));
        assertEquals("line 2: record 2", assertInstanceOf(ReadItem.Event.class, items.get(3)).place());
    }

    /**
     * Every sample event, as the record of a log file among unwatched ones (and its envelope too): reading with the
     * detections' own test gives what reading everything gives, bare records no detection watches replaced by
     * {@link ReadItem#UNWATCHED} (an envelope, the third element, is always built).
     */
    @ParameterizedTest
    @MethodSource("sampleEvents")
    void handsOutWhatReadingEverythingWould_forEverySampleEvent(Path sample) throws IOException {
        JsonNode envelope = Fixtures.MAPPER.readTree(sample.toFile());
        JsonNode record = envelope.has("detail") ? envelope.get("detail") : envelope;
        String content = "{\"Records\": [" + UNWATCHED_RECORD + ", " + record + ", " + envelope + ", " + record
                + "]}";

        List<ReadItem> everything = read(content, name -> true);
        List<ReadItem> passingOver = read(content, WATCHED);

        List<ReadItem> expected = new ArrayList<>(everything);
        for (int index : new int[] {0, 1, 3}) {
            if (everything.get(index) instanceof ReadItem.Event event
                    && !DETECTIONS.watchesEventName(event.event().eventName())) {
                expected.set(index, ReadItem.UNWATCHED);
            }
        }
        assertEquals(comparable(expected), comparable(passingOver));
    }

    static Stream<Path> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> !dev.watchpost.Fixtures.NOT_EVENTS.contains(file.getFileName().toString()))
                    .sorted().toList().stream();
        }
    }

    /** Items as text: events by place and tree (CloudTrailEvent has no equals of its own). */
    private static List<String> comparable(List<ReadItem> items) {
        return items.stream().map(item -> item instanceof ReadItem.Event event
                ? "event " + event.place() + " " + event.event().detail() : item.toString()).toList();
    }

    private static List<ReadItem> read(String content, Predicate<String> mayWatch) {
        return read(content.getBytes(StandardCharsets.UTF_8), mayWatch);
    }

    private static List<ReadItem> read(byte[] content, Predicate<String> mayWatch) {
        List<ReadItem> items = new ArrayList<>();
        RecordReader.read(new ByteArrayInputStream(content), mayWatch, items::add);
        return items;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code head}, then {@code unit} repeated to about {@code size} bytes, then {@code tail}; never held whole. */
    private static final class RepeatingInput extends InputStream {
        private final byte[] head;
        private final byte[] unit;
        private final byte[] tail;
        private final long units;
        private long position;

        RepeatingInput(String head, String unit, long size, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.unit = unit.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.units = size / this.unit.length;
        }

        @Override
        public int read() {
            long body = head.length + units * unit.length;
            if (position >= body + tail.length) {
                return -1;
            }
            long at = position++;
            if (at < head.length) {
                return head[(int) at];
            }
            return at < body ? unit[(int) ((at - head.length) % unit.length)] : tail[(int) (at - body)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            for (int b = n < length ? read() : -1; b >= 0; b = ++n < length ? read() : -1) {
                buffer[offset + n] = (byte) b;
            }
            return n == 0 && length > 0 ? -1 : n;
        }
    }
}
