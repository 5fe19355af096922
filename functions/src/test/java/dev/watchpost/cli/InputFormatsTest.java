package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input shape {@code scan} accepts, and what it does with broken ones. */
class InputFormatsTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryRecordOfACloudTrailLogFile() throws IOException {
        Path log = write("log.json", logFile(Fixtures.record(Fixtures.WORLD_SSH), Fixtures.record(Fixtures.NARROW_CIDR),
                Fixtures.record(Fixtures.WORLD_RDP)).toString());

        Cli.Result result = scanJson(log);

        assertFoundSshAndRdpOfThree(result);
    }

    @Test
    void readsStandardInput_namedByADash_gzippedOrNot() throws IOException {
        byte[] log = gzip(logFile(Fixtures.record(Fixtures.WORLD_SSH), Fixtures.record(Fixtures.NARROW_CIDR))
                .toString());
        InputStream stdin = System.in;
        Cli.Result result;
        try {
            System.setIn(new ByteArrayInputStream(log));
            result = Cli.run("scan", "--format", "json", "-");
        } finally {
            System.setIn(stdin);
        }

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
        assertTrue(result.summary().startsWith("scanned 1 files, 2 events: 1 findings"), result.summary());
    }

    @Test
    void readsGzip_whenTheNameSaysSo() throws IOException {
        Path gz = Files.write(dir.resolve("log.json.gz"), gzip(logFile(Fixtures.record(Fixtures.WORLD_SSH)).toString()));

        Cli.Result result = scanJson(gz);

        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
    }

    @Test
    void readsGzipByItsMagicBytes_whenTheNameDoesNotSaySo() throws IOException {
        Path gz = Files.write(dir.resolve("event.json"), gzip(Fixtures.envelope(Fixtures.WORLD_RDP).toPrettyString()));

        Cli.Result result = scanJson(gz);

        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_RDP)), eventIds(result));
    }

    @Test
    void readsJsonLinesOfEnvelopesAndBareRecords() throws IOException {
        Path lines = write("events.jsonl", Fixtures.envelope(Fixtures.WORLD_SSH) + "\n\n"
                + Fixtures.record(Fixtures.WORLD_RDP) + "\r\n" + Fixtures.envelope(Fixtures.ALL_TRAFFIC));

        Cli.Result result = scanJson(lines);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP),
                Fixtures.eventId(Fixtures.ALL_TRAFFIC)), eventIds(result));
    }

    @Test
    void readsPrettyPrintedDocumentsOneAfterAnother() throws IOException {
        Path two = write("two.json", Fixtures.envelope(Fixtures.WORLD_SSH).toPrettyString() + "\n"
                + Fixtures.envelope(Fixtures.WORLD_RDP).toPrettyString());

        Cli.Result result = scanJson(two);

        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP)),
                eventIds(result));
    }

    @Test
    void exitsWithOne_whenOneFileIsMalformed_andStillPrintsTheOthersFindings() throws IOException {
        Files.copy(Fixtures.path(Fixtures.WORLD_SSH), dir.resolve("a.json"));
        Path broken = write("b.json", "{\n  \"version\": \"0\",\n  \"detail\": {\"eventName\": ]\n}\n");
        Files.copy(Fixtures.path(Fixtures.WORLD_RDP), dir.resolve("c.json"));

        Cli.Result result = scanJson(dir);

        assertFoundSshAndRdp_andOneProblem(result, broken + ": line 3: not valid JSON: ");
        assertTrue(result.summary().contains(", 1 unreadable,"), result.summary());
    }

    @Test
    void scansTheOtherRecords_whenARecordInTheRecordsArrayIsNotARecord() throws IOException {
        ObjectNode log = logFile(Fixtures.record(Fixtures.WORLD_SSH));
        ArrayNode records = (ArrayNode) log.get("Records");
        records.add("not a record");
        records.addObject().put("eventVersion", "1.09");
        records.add(Fixtures.record(Fixtures.WORLD_RDP));
        Path file = write("log.json", log.toString());

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP)),
                eventIds(result));
        assertEquals(List.of(file + ": record 2: expected a JSON object, found string",
                file + ": record 3: no \"eventName\" string: not a CloudTrail record"), result.problems());
    }

    @Test
    void scansTheOtherLines_whenAJsonLineIsBroken() throws IOException {
        String truncated = Fixtures.envelope(Fixtures.ALL_TRAFFIC).toString();
        Path lines = write("events.jsonl", Fixtures.envelope(Fixtures.WORLD_SSH) + "\n"
                + truncated.substring(0, truncated.length() / 2) + "\n"
                + Fixtures.envelope(Fixtures.WORLD_RDP) + "\n");

        Cli.Result result = scanJson(lines);

        assertFoundSshAndRdp_andOneProblem(result, lines + ": line 2: not valid JSON: ");
    }

    @Test
    void reportsTheRecordWhereTheJsonBroke_andScansTheRecordsBefore() throws IOException {
        String good = logFile(Fixtures.record(Fixtures.WORLD_SSH), Fixtures.record(Fixtures.WORLD_RDP),
                Fixtures.record(Fixtures.ALL_TRAFFIC)).toString();
        String name = "\"eventName\":\"AuthorizeSecurityGroupIngress\"";
        int second = good.indexOf(name, good.indexOf(name) + 1);
        String broken = good.substring(0, second) + "\"eventName\":AuthorizeSecurityGroupIngress"
                + good.substring(second + name.length());
        Path file = write("log.json", broken);

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
        assertEquals(1, result.problems().size(), result.err());
        String problem = result.problems().getFirst();
        assertTrue(problem.startsWith(file + ": record 2: not valid JSON: Unrecognized token "), problem);
        assertTrue(problem.endsWith("; the rest of the line was not read"), problem);
    }

    @Test
    void reportsWhereATruncatedGzipFileBroke_andScansTheRecordsBefore() throws IOException {
        JsonNode[] records = new JsonNode[400];
        Arrays.fill(records, Fixtures.record(Fixtures.NARROW_CIDR));
        records[0] = Fixtures.record(Fixtures.WORLD_SSH);
        byte[] whole = gzip(logFile(records).toString());
        Path file = Files.write(dir.resolve("log.json.gz"), Arrays.copyOf(whole, whole.length - 100));

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
        assertEquals(1, result.problems().size(), result.err());
        assertTrue(result.problems().getFirst().matches(
                "\\Q" + file + "\\E: record \\d+: could not read: .*; the rest of the file was not read"), result.err());
    }

    @Test
    void reportsTheLine_whenAPrettyPrintedDocumentIsTruncated() throws IOException {
        String pretty = Fixtures.envelope(Fixtures.WORLD_SSH).toPrettyString();
        String cut = pretty.substring(0, pretty.indexOf("\"requestParameters\""));
        Path file = write("cut.json", cut);

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        long lines = cut.lines().count();
        assertTrue(result.problems().getFirst().startsWith(file + ": line " + lines + ": not valid JSON: "),
                result.err());
    }

    @Test
    void skipsASingleObjectThatIsNotCloudTrail_withoutFailing() throws IOException {
        Path digest = write("digest.json", "{\"awsAccountId\": \"123456789012\", \"logFiles\": []}");

        Cli.Result result = scanJson(digest);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(digest + ": skipped: not CloudTrail data: a JSON object without \"Records\", "
                + "\"detail\" or \"eventName\"; " + RecordReader.EXPECTED), result.problems());
        assertTrue(result.summary().endsWith(", 1 files skipped"), result.summary());
    }

    @Test
    void reportsAnObjectThatIsNotCloudTrail_whenOtherRecordsFollowIt() throws IOException {
        Path lines = write("events.jsonl", "{\"hello\": \"world\"}\n" + Fixtures.envelope(Fixtures.WORLD_SSH) + "\n");

        Cli.Result result = scanJson(lines);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(lines + ": line 1: no \"eventName\" string: not a CloudTrail record"), result.problems());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
    }

    @Test
    void readsAPrettyPrintedArrayOfRecords_asStratusRedTeamAndGrimoireWriteThem() throws IOException {
        ArrayNode array = Fixtures.MAPPER.createArrayNode().add(Fixtures.record(Fixtures.WORLD_SSH))
                .add(Fixtures.record(Fixtures.NARROW_CIDR)).add(Fixtures.record(Fixtures.WORLD_RDP));
        Path file = write("stratus.json", array.toPrettyString());

        Cli.Result result = scanJson(file);

        assertFoundSshAndRdpOfThree(result);
    }

    @Test
    void readsLookupEventsOutput_gzipped_byParsingEachCloudTrailEventString() throws IOException {
        Path file = Files.write(dir.resolve("lookup.out"), gzip(lookupEvents(
                lookupEvent(Fixtures.record(Fixtures.WORLD_SSH)), lookupEvent(Fixtures.record(Fixtures.WORLD_RDP)))
                .toPrettyString()));

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP)),
                eventIds(result));
    }

    @Test
    void readsLookupEventsNarrowedByAQuery_toTheEventsOrToTheirRecordStrings() throws IOException {
        // aws cloudtrail lookup-events --query 'Events', and --query 'Events[].CloudTrailEvent'
        Path events = write("events.json", Fixtures.MAPPER.createArrayNode()
                .add(lookupEvent(Fixtures.record(Fixtures.WORLD_SSH))).toPrettyString());
        Path strings = write("strings.json", Fixtures.MAPPER.createArrayNode()
                .add(Fixtures.record(Fixtures.WORLD_RDP).toString()).add("{\"eventName\": ").toPrettyString());

        Cli.Result result = scanJson(events);
        Cli.Result fromStrings = scanJson(strings);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_RDP)), eventIds(fromStrings));
        assertEquals(1, fromStrings.problems().size(), fromStrings.err());
        assertTrue(fromStrings.problems().getFirst().startsWith(strings + ": record 2: a string holding a record "
                + "is not valid JSON: Unexpected end-of-input"), fromStrings.err());
    }

    @Test
    void reportsALookupEventWithoutItsRecordString_andReadsTheOthers() throws IOException {
        ObjectNode withoutRecord = lookupEvent(Fixtures.record(Fixtures.WORLD_RDP));
        withoutRecord.remove("CloudTrailEvent");
        ObjectNode notJson = lookupEvent(Fixtures.record(Fixtures.ALL_TRAFFIC));
        notJson.put("CloudTrailEvent", "{\"eventName\": ");
        Path file = write("lookup.json", lookupEvents(withoutRecord, notJson,
                lookupEvent(Fixtures.record(Fixtures.WORLD_SSH))).toPrettyString());

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(2, result.problems().size(), result.err());
        assertEquals(file + ": record 1: a lookup-events event without a \"CloudTrailEvent\" string",
                result.problems().getFirst());
        assertTrue(result.problems().get(1).startsWith(file + ": record 2: \"CloudTrailEvent\" is not valid JSON: "
                + "Unexpected end-of-input"), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
    }

    @Test
    void reportsACloudTrailLakeRowWithoutTheEventJsonColumn_sayingWhatToSelect() throws IOException {
        ObjectNode results = Fixtures.MAPPER.createObjectNode().put("QueryStatus", "FINISHED");
        ArrayNode rows = results.putArray("QueryResultRows");
        rows.addArray().addObject().put("eventName", "AuthorizeSecurityGroupIngress");
        rows.addArray().addObject().put("eventJson", Fixtures.record(Fixtures.WORLD_SSH).toString());
        Path file = write("lake.json", results.toPrettyString());

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(file + ": record 1: a CloudTrail Lake row without an \"eventJson\" string column: "
                + "select eventJson in the query"), result.problems());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
    }

    @Test
    void reportsWhereAnArrayWasCutShort_andScansTheRecordsBefore() throws IOException {
        String array = Fixtures.MAPPER.createArrayNode().add(Fixtures.record(Fixtures.WORLD_SSH))
                .add(Fixtures.record(Fixtures.WORLD_RDP)).toPrettyString();
        String cut = array.substring(0, array.lastIndexOf('}'));
        Path file = write("cut.json", cut);

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH)), eventIds(result));
        assertEquals(1, result.problems().size(), result.err());
        assertTrue(result.problems().getFirst().startsWith(file + ": record 2: not valid JSON: "), result.err());
    }

    @Test
    void skipsAJsonObjectOfAnotherShape_byName_sayingWhatWasExpected() throws IOException {
        Path file = write("inventory.json", "{\"Items\": [{\"id\": 1}, {\"id\": 2}]}");

        Cli.Result result = scanJson(file);

        assertEquals(List.of(file + ": skipped: not CloudTrail data: a JSON object without \"Records\", "
                + "\"detail\" or \"eventName\"; expected a CloudTrail log file {\"Records\":[…]}, EventBridge "
                + "events or CloudTrail records (one per file, in a JSON array, or one per line, as objects or as "
                + "strings), lookup-events output "
                + "{\"Events\":[…]}, or CloudTrail Lake results with an eventJson column"), result.problems());
        assertTrue(result.summary().endsWith(", 1 files skipped"), result.summary());
    }

    @Test
    void reportsEachItemOfAnArrayOfOtherObjects_byNameAndPlace() throws IOException {
        Path file = write("other.json", "[{\"id\": 1}, \"text\", {\"id\": 3}]");

        Cli.Result result = scanJson(file);

        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(file + ": record 1: no \"eventName\" string: not a CloudTrail record",
                file + ": record 2: expected a JSON object, found string",
                file + ": record 3: no \"eventName\" string: not a CloudTrail record"), result.problems());
    }

    @Test
    void reportsAnEmptyFile_asHoldingNoEvents() throws IOException {
        Path empty = write("empty.json", "");

        Cli.Result result = scanJson(empty);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertTrue(result.summary().startsWith("scanned 1 files, 0 events: 0 findings"), result.summary());
    }

    /** Asserts a clean scan of one file with the SSH, narrow CIDR and RDP records: the SSH and RDP findings. */
    private static void assertFoundSshAndRdpOfThree(Cli.Result result) {
        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP)),
                eventIds(result));
        assertTrue(result.summary().startsWith("scanned 1 files, 3 events: 2 findings"), result.summary());
    }

    /** Asserts a scan that found the SSH and RDP findings and could not read one part, whose problem starts so. */
    private static void assertFoundSshAndRdp_andOneProblem(Cli.Result result, String problemStart) {
        assertEquals(Main.EXIT_UNREADABLE, result.status());
        assertEquals(List.of(Fixtures.eventId(Fixtures.WORLD_SSH), Fixtures.eventId(Fixtures.WORLD_RDP)),
                eventIds(result));
        assertEquals(1, result.problems().size(), result.err());
        assertTrue(result.problems().getFirst().startsWith(problemStart), result.err());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Cli.Result scanJson(Path path) {
        return Cli.run("scan", "--format", "json", path.toString());
    }

    private static ObjectNode logFile(JsonNode... records) {
        ObjectNode log = Fixtures.MAPPER.createObjectNode();
        ArrayNode array = log.putArray("Records");
        for (JsonNode record : records) {
            array.add(record);
        }
        return log;
    }

    /** One page of {@code aws cloudtrail lookup-events} output, as the CLI prints it. */
    private static ObjectNode lookupEvents(ObjectNode... events) {
        ObjectNode page = Fixtures.MAPPER.createObjectNode();
        page.putArray("Events").addAll(Arrays.asList(events));
        return page.put("NextToken", "eyJOZXh0VG9rZW4iOiBudWxsfQ==");
    }

    /** A lookup-events event: a few of the record's fields, and the whole record as the JSON string. */
    private static ObjectNode lookupEvent(JsonNode record) {
        ObjectNode event = Fixtures.MAPPER.createObjectNode();
        event.put("EventId", record.path("eventID").asText());
        event.put("EventName", record.path("eventName").asText());
        event.put("ReadOnly", "false");
        event.put("EventTime", record.path("eventTime").asText());
        event.put("EventSource", record.path("eventSource").asText());
        event.putArray("Resources");
        return event.put("CloudTrailEvent", record.toString());
    }

    private static List<String> eventIds(Cli.Result result) {
        return result.findings().stream().map(f -> f.get("eventId").asText()).toList();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
