package dev.watchpost.cli;

import dev.watchpost.config.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole {@code events/} corpus written in each shape a user may hold, one directory per shape, scanned as a user
 * would: every shape must give exactly {@code events/expectations.json}, read nothing as unreadable, and skip
 * nothing. Files are named so that no name hints at the shape; the reader must tell it from the content.
 */
class ScanCorpusShapesTest {
    @TempDir
    Path dir;

    /** A way of writing the corpus: one or more files from the fixtures' envelopes, in fixture order. */
    enum Shape {
        /** CloudTrail's own log files: one per family, {@code {"Records":[…]}} on one line, gzip-compressed. */
        LOG_FILES_GZIP {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                for (Map.Entry<String, List<JsonNode>> family : byFamily.entrySet()) {
                    ObjectNode log = Fixtures.MAPPER.createObjectNode();
                    ArrayNode records = log.putArray("Records");
                    family.getValue().forEach(envelope -> records.add(envelope.get("detail")));
                    Files.write(dir.resolve(family.getKey() + ".data"), gzip(log.toString()));
                }
            }
        },
        /** A CloudTrail log file pretty-printed, as a user saves one to look at it. */
        LOG_FILE_PRETTY {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                ObjectNode log = Fixtures.MAPPER.createObjectNode();
                ArrayNode records = log.putArray("Records");
                all(byFamily).forEach(envelope -> records.add(envelope.get("detail")));
                text(dir, "all.data", log.toPrettyString());
            }
        },
        /** Stratus Red Team and Grimoire: a pretty-printed JSON array of bare records per file. */
        ARRAY_OF_RECORDS {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                for (Map.Entry<String, List<JsonNode>> family : byFamily.entrySet()) {
                    ArrayNode array = Fixtures.MAPPER.createArrayNode();
                    family.getValue().forEach(envelope -> array.add(envelope.get("detail")));
                    text(dir, family.getKey() + ".data", array.toPrettyString());
                }
            }
        },
        /** A JSON array of EventBridge envelopes on one line, gzip-compressed. */
        ARRAY_OF_ENVELOPES_GZIP {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                ArrayNode array = Fixtures.MAPPER.createArrayNode();
                all(byFamily).forEach(array::add);
                Files.write(dir.resolve("all.data"), gzip(array.toString()));
            }
        },
        /** JSON Lines of bare records. */
        LINES_OF_RECORDS {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                text(dir, "all.data", all(byFamily).stream().map(envelope -> envelope.get("detail").toString())
                        .collect(Collectors.joining("\n", "", "\n")));
            }
        },
        /** JSON Lines of EventBridge envelopes (as an archive or a queue's messages are dumped). */
        LINES_OF_ENVELOPES {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                text(dir, "all.data", all(byFamily).stream().map(JsonNode::toString)
                        .collect(Collectors.joining("\n", "", "\n")));
            }
        },
        /**
         * {@code aws cloudtrail lookup-events} output, one page per family: each event's fields as the API documents
         * them, the record itself as the JSON string {@code CloudTrailEvent}, and a {@code NextToken}.
         */
        LOOKUP_EVENTS {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                for (Map.Entry<String, List<JsonNode>> family : byFamily.entrySet()) {
                    ObjectNode page = Fixtures.MAPPER.createObjectNode();
                    ArrayNode events = page.putArray("Events");
                    for (JsonNode envelope : family.getValue()) {
                        JsonNode record = envelope.get("detail");
                        ObjectNode event = events.addObject();
                        event.put("EventId", record.path("eventID").asText());
                        event.put("EventName", record.path("eventName").asText());
                        event.put("ReadOnly", record.path("readOnly").asText("false"));
                        event.put("EventTime", record.path("eventTime").asText());
                        event.put("EventSource", record.path("eventSource").asText());
                        event.putArray("Resources");
                        event.put("CloudTrailEvent", record.toString());
                    }
                    page.put("NextToken", "eyJOZXh0VG9rZW4iOiBudWxsfQ==");
                    text(dir, family.getKey() + ".data", page.toPrettyString());
                }
            }
        },
        /**
         * {@code aws cloudtrail get-query-results} output of a query selecting eventTime and eventJson: the
         * documented shape ({@code QueryResultRows}: rows, each a list of one-column objects, every value a string).
         * That the eventJson column holds the whole record as a JSON string is inferred, not taken from AWS docs.
         */
        LAKE_QUERY_RESULTS {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                ObjectNode results = Fixtures.MAPPER.createObjectNode();
                results.put("QueryStatus", "FINISHED");
                results.putObject("QueryStatistics").put("ResultsCount", 1).put("TotalResultsCount", 1)
                        .put("BytesScanned", 1024);
                ArrayNode rows = results.putArray("QueryResultRows");
                for (JsonNode envelope : all(byFamily)) {
                    ArrayNode row = rows.addArray();
                    row.addObject().put("eventTime", envelope.get("detail").path("eventTime").asText());
                    row.addObject().put("eventJson", envelope.get("detail").toString());
                }
                text(dir, "all.data", results.toPrettyString());
            }
        },
        /** CloudTrail Lake rows exported one per line, the record in the eventJson column (inferred, see above). */
        LAKE_ROWS_AS_LINES {
            @Override
            void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException {
                text(dir, "all.data", all(byFamily).stream().map(envelope -> {
                    ObjectNode row = Fixtures.MAPPER.createObjectNode();
                    row.put("eventTime", envelope.get("detail").path("eventTime").asText());
                    row.put("eventJson", envelope.get("detail").toString());
                    return row.toString();
                }).collect(Collectors.joining("\n", "", "\n")));
            }
        };

        abstract void write(Path dir, Map<String, List<JsonNode>> byFamily) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void firesExactlyTheExpectedDetections_inEveryShape(Shape shape) throws IOException {
        Map<String, List<JsonNode>> byFamily = new TreeMap<>();
        for (String fixture : Fixtures.expectations().keySet()) {
            byFamily.computeIfAbsent(fixture.substring(0, fixture.indexOf('/')), family -> new ArrayList<>())
                    .add(Fixtures.envelope(fixture));
        }
        shape.write(dir, byFamily);

        Cli.Result result = Cli.run(Map.of(Settings.ALERT_KEY_ARN, dev.watchpost.Fixtures.ALERT_KEY_ARN),
                "scan", "--format", "json", dir.toString());

        assertEquals(List.of(), result.problems(), result.err());
        assertEquals(Main.EXIT_OK, result.status(), result.err());
        Map<String, List<String>> fired = new TreeMap<>();
        for (JsonNode finding : result.findings()) {
            fired.computeIfAbsent(finding.get("eventId").asText(), id -> new ArrayList<>())
                    .add(finding.get("detection").asText());
        }
        Map<String, List<String>> expected = new TreeMap<>();
        Fixtures.expectations().forEach((fixture, ids) -> {
            if (!ids.isEmpty()) {
                expected.put(Fixtures.eventId(fixture), ids.stream().sorted().toList());
            }
        });
        fired.replaceAll((id, ids) -> ids.stream().sorted().toList());
        assertEquals(expected, fired);
        assertTrue(result.summary().contains(", " + Fixtures.expectations().size() + " events: "), result.summary());
    }

    private static List<JsonNode> all(Map<String, List<JsonNode>> byFamily) {
        return byFamily.values().stream().flatMap(List::stream).toList();
    }

    private static void text(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
