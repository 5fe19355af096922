package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where {@link RecordReader} says each record or problem is, and that it streams. */
class RecordReaderTest {
    private static final JsonNode RECORD = Fixtures.record(Fixtures.WORLD_SSH);

    @Test
    void namesRecordsByTheirIndex_inALogFile() {
        List<ReadItem> items = read("{\"Records\": [" + RECORD + ", 7, " + RECORD + "]}");

        assertEquals(List.of("record 1", "record 2", "record 3"), places(items));
        assertEquals(new ReadItem.Unreadable("record 2", "expected a JSON object, found number"), items.get(1));
    }

    @Test
    void namesRootValuesByTheLineTheyStartOn() {
        String pretty = Fixtures.envelope(Fixtures.WORLD_SSH).toPrettyString();

        List<ReadItem> items = read(pretty + "\n" + pretty);

        assertEquals(List.of("line 1", "line " + (pretty.lines().count() + 1)), places(items));
        assertInstanceOf(ReadItem.Event.class, items.get(1));
    }

    @Test
    void namesTheLineAndTheRecord_whenALogFileIsALaterLine() {
        List<ReadItem> items = read(RECORD + "\n{\"Records\": [\"x\", " + RECORD + "]}\n");

        assertEquals(List.of("line 1", "line 2: record 1", "line 2: record 2"), places(items));
    }

    @Test
    void readsTheRecordsOfARootArray_byIndex() {
        List<ReadItem> items = read("[" + RECORD + ", 7, " + RECORD + "]");

        assertEquals(List.of("record 1", "record 2", "record 3"), places(items));
        assertInstanceOf(ReadItem.Event.class, items.getFirst());
        assertEquals(new ReadItem.Unreadable("record 2", "expected a JSON object, found number"), items.get(1));
    }

    @Test
    void reportsBrokenJson_withTheColumn_inJsonLines() {
        List<ReadItem> items = read(RECORD + "\n{\"eventName\": nope}\n" + RECORD + "\n");

        assertEquals(List.of("line 1", "line 2", "line 3"), places(items));
        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, items.get(1));
        assertTrue(problem.reason().startsWith("not valid JSON: Unrecognized token 'nope'"), problem.reason());
        assertTrue(problem.reason().endsWith(" at column 15"), problem.reason());
    }

    @Test
    void reportsThatTheRestWasNotRead_whenADocumentBreaksBeforeItsEnd() {
        List<ReadItem> items = read("{\n  \"Records\": [\n" + RECORD + ",\n  }\n  ]\n}\n");

        ReadItems.assertTheRestWasNotRead(items.getLast(), "record 2", "line 4, column 3");
    }

    @Test
    void rejectsDuplicateKeys_whichCouldHideAField() {
        List<ReadItem> items = read("{\"eventName\": \"RunInstances\", \"eventName\": \"AuthorizeSecurityGroupIngress\"}");

        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, items.getFirst());
        assertTrue(problem.reason().contains("Duplicate field 'eventName'"), problem.reason());
    }

    @Test
    void losesOnlyTheRecord_thatGivesAKeyTwice_inALogFile() {
        String twice = "{\"eventName\": \"RunInstances\", \"requestParameters\": {\"a\": [{\"b\": 1, \"b\": 2}], "
                + "\"c\": {\"d\": 3}}, \"eventSource\": \"ec2.amazonaws.com\"}";

        List<ReadItem> items = read("{\"Records\": [" + twice + ", " + RECORD + "]}");

        assertEquals(List.of("record 1", "record 2"), places(items));
        assertEquals(new ReadItem.Unreadable("record 1", "not valid JSON: Duplicate field 'b'"), items.get(0));
        assertInstanceOf(ReadItem.Event.class, items.get(1));
    }

    @Test
    void rejectsASecondRecordsArray_ratherThanLeaveItUnread() {
        List<ReadItem> items = read("{\"Records\": [" + RECORD + "], \"Records\": [" + RECORD + "]}");

        assertInstanceOf(ReadItem.Event.class, items.get(0));
        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, items.get(1));
        assertTrue(problem.reason().startsWith("not valid JSON: Duplicate field 'Records'"), problem.reason());
        assertEquals(2, items.size());
    }

    @Test
    void rejectsAKeyGivenTwice_atTheTopOfAnEnvelope() {
        List<ReadItem> items = read("{\"detail-type\": \"x\", \"detail\": " + RECORD + ", \"detail\": {}}");

        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, items.getFirst());
        assertTrue(problem.reason().startsWith("not valid JSON: Duplicate field 'detail'"), problem.reason());
        assertEquals(1, items.size());
    }

    @Test
    void handsOutTheFirstRecordBeforeReadingTheRest_ofALargeLogFile() {
        ObjectNode log = Fixtures.MAPPER.createObjectNode();
        ArrayNode records = log.putArray("Records");
        for (int i = 0; i < 2_000; i++) {
            records.add(RECORD);
        }
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        CountingInput in = new CountingInput(bytes);
        List<Long> consumedAtEachEvent = new ArrayList<>();

        RecordReader.read(in, name -> true, item -> consumedAtEachEvent.add(in.consumed));

        assertEquals(2_000, consumedAtEachEvent.size());
        assertTrue(consumedAtEachEvent.getFirst() < bytes.length / 10,
                "read " + consumedAtEachEvent.getFirst() + " of " + bytes.length + " bytes before the first record");
    }

    @Test
    void keepsOnlyItsWindow_afterALineBrokeOffInsideARecord() {
        String lines = "{\"eventName\": \"A\"}\n{\"Records\": [{\"eventName\": \"A\", \"a\": 1\n"
                + "{\"eventName\": \"A\"}\n".repeat(200_000);
        CountingInput in = new CountingInput(lines.getBytes(StandardCharsets.UTF_8));
        List<ReadItem> items = new ArrayList<>();

        RecordReader.read(in, name -> true, items::add);

        assertEquals("line 2: record 1", assertInstanceOf(ReadItem.Unreadable.class, items.get(1)).place());
        assertEquals(200_002, items.size());
        assertTrue(in.largestAsk <= 2 * ReplayInput.WINDOW, "the buffer grew to " + in.largestAsk + " bytes: the "
                + "broken record's first byte stayed pinned");
    }

    private static List<ReadItem> read(String content) {
        List<ReadItem> items = new ArrayList<>();
        RecordReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name -> true, items::add);
        return items;
    }

    private static List<String> places(List<ReadItem> items) {
        return items.stream().map(item -> switch (item) {
            case ReadItem.Event event -> event.place();
            case ReadItem.Unreadable unreadable -> unreadable.place();
            case ReadItem.NotCloudTrail notCloudTrail -> "whole file";
            case ReadItem.Unwatched unwatched -> "passed over";
        }).toList();
    }

    /** Counts the bytes taken from it, and notes the most asked for at once (the reader's free buffer). */
    private static final class CountingInput extends FilterInputStream {
        private long consumed;
        private int largestAsk;

        CountingInput(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            consumed += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            largestAsk = Math.max(largestAsk, length);
            int read = super.read(buffer, offset, length);
            consumed += Math.max(read, 0);
            return read;
        }
    }
}
