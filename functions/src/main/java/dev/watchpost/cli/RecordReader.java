package dev.watchpost.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams the CloudTrail records out of one file, whatever its shape: an EventBridge envelope or bare record, a
 * CloudTrail log file ({@code {"Records":[…]}}, read one record tree at a time, never as one tree), or several root
 * values (JSON Lines, or documents one after another). A record that is JSON but not a record is reported and the
 * next one read; so is a record with a key given twice anywhere in it. Broken JSON costs only its line in JSON Lines
 * ({@link JsonLayout} decides the layout); in a document or inside a {@code Records} array the parser cannot
 * resynchronise, so the rest of the file is reported as not read. A file that is a single JSON object with none of CloudTrail's keys is skipped as not CloudTrail data.
 * Never throws: every problem becomes a {@link ReadItem.Unreadable}. One instance per file; not thread-safe.
 */
final class RecordReader {
    /** Keys that mark an object as CloudTrail data: an envelope, a record, or a log file. */
    private static final Set<String> CLOUDTRAIL_KEYS = Set.of(
            "Records", "detail", "detail-type", "eventVersion", "eventName", "eventSource", "eventID");
    private static final String REST_NOT_READ = "; the rest of the file was not read";

    private final ObjectMapper mapper = CloudTrailEvent.mapper();
    private final Consumer<ReadItem> out;
    private int rootValues;
    /** The first root value, held while it may turn out to be the file's only, non-CloudTrail, value. */
    private ObjectNode pending;
    private int pendingLine;
    /** Where reading is, for reporting a failure: the root value's prefix and the record index (0 = not in one). */
    private String prefix = "";
    private int record;

    private RecordReader(Consumer<ReadItem> out) {
        this.out = out;
    }

    /** Reads everything in {@code in}, in order, into {@code out}. Does not close {@code in}. */
    static void read(InputStream in, Consumer<ReadItem> out) {
        new RecordReader(out).readAll(new BufferedInputStream(in, JsonLayout.LOOKAHEAD));
    }

    private void readAll(BufferedInputStream in) {
        boolean lines;
        try {
            lines = JsonLayout.isJsonLines(in);
        } catch (IOException e) {
            unreadable(place(1), couldNotRead(e));
            return;
        }
        if (lines) {
            readLines(in);
        } else {
            readDocument(in);
        }
        if (pending != null) {
            out.accept(new ReadItem.NotCloudTrail("not CloudTrail data: a JSON object without "
                    + "\"Records\", \"detail\" or \"eventName\""));
        }
    }

    private void readLines(InputStream in) {
        LineInput lines = new LineInput(in);
        try {
            for (InputStream line = lines.next(); line != null; line = lines.next()) {
                try (JsonParser parser = mapper.createParser(line)) {
                    while (parser.nextToken() != null) {
                        root(parser, lines.lineNumber());
                    }
                } catch (JsonProcessingException e) {
                    unreadable(place(lines.lineNumber()), notJson(e, false));
                }
                record = 0;
            }
        } catch (IOException e) {
            unreadable(place(lines.lineNumber()), couldNotRead(e));
        }
    }

    private void readDocument(InputStream in) {
        try (JsonParser parser = mapper.createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            try {
                while (parser.nextToken() != null) {
                    root(parser, parser.currentTokenLocation().getLineNr());
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
                unreadable(place(line), notJson(e, true));
            } catch (IOException e) {
                unreadable(place(parser.currentLocation().getLineNr()), couldNotRead(e));
            }
        } catch (IOException e) {
            unreadable(place(1), couldNotRead(e));
        }
    }

    /** One root value, starting at the parser's current token on file line {@code line}. */
    private void root(JsonParser parser, int line) throws IOException {
        rootValues++;
        prefix = rootValues == 1 ? "" : "line " + line + ": ";
        record = 0;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            settlePending();
            event("line " + line, parser.currentToken().isStructStart() ? skipped(parser) : mapper.readTree(parser));
            return;
        }
        ObjectNode fields = mapper.createObjectNode();
        boolean records = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!records && name.equals("Records") && value == JsonToken.START_ARRAY && !fields.has(name)) {
                records = true;
                settlePending();
                records(parser);
            } else if (records) {
                if (name.equals("Records")) {
                    throw duplicateKey(parser, name); // a second array would otherwise go unread, unreported
                }
                parser.skipChildren();
            } else {
                JsonNode tree = mapper.readTree(parser);
                // Built here, not by readTree, so the mapper's duplicate-key check does not see these keys.
                if (fields.replace(name, tree == null ? NullNode.getInstance() : tree) != null) {
                    throw duplicateKey(parser, name);
                }
            }
        }
        if (records) {
            return;
        }
        if (rootValues == 1 && !fields.isEmpty() && fields.properties().stream()
                .noneMatch(field -> CLOUDTRAIL_KEYS.contains(field.getKey()))) {
            pending = fields;
            pendingLine = line;
            return;
        }
        settlePending();
        event("line " + line, fields);
    }

    /** The elements of a {@code Records} array, one tree at a time; the parser is on the array's start. */
    private void records(JsonParser parser) throws IOException {
        JsonStreamContext array = parser.getParsingContext();
        while (true) {
            record++; // counted before it is read, so a failure on the way is reported at its index
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (token == null) {
                throw new JsonEOFException(parser, null, "Unexpected end-of-input in \"Records\"");
            }
            JsonNode tree;
            try {
                tree = mapper.readTree(parser);
            } catch (MismatchedInputException e) {
                // The JSON is sound but the record is not (a key given twice): it alone is lost.
                unreadable(prefix + "record " + record, "not valid JSON: "
                        + CloudTrailEvent.jsonProblem(e.getOriginalMessage()));
                skipToEnd(parser, array);
                continue;
            }
            event(prefix + "record " + record, tree);
        }
        record = 0;
    }

    /** Reads on until the parser is back in {@code array}, i.e. past the end of the element it was inside. */
    private static void skipToEnd(JsonParser parser, JsonStreamContext array) throws IOException {
        while (parser.getParsingContext() != array) {
            if (parser.nextToken() == null) {
                throw new JsonEOFException(parser, null, "Unexpected end-of-input in \"Records\"");
            }
        }
    }

    private static JsonParseException duplicateKey(JsonParser parser, String name) {
        return new JsonParseException(parser, "Duplicate field '" + name + "'");
    }

    /** Skips an array at the root, which no accepted shape has, and stands a small node in for it in the report. */
    private JsonNode skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return mapper.createArrayNode();
    }

    private void event(String place, JsonNode tree) {
        try {
            out.accept(new ReadItem.Event(place, CloudTrailEvent.of(tree)));
        } catch (MalformedEventException e) {
            out.accept(new ReadItem.Unreadable(place, e.getMessage()));
        }
    }

    /** Another value follows the first one, so the first is not a lone non-CloudTrail file: it is a bad record. */
    private void settlePending() {
        if (pending != null) {
            ObjectNode first = pending;
            pending = null;
            event("line " + pendingLine, first);
        }
    }

    private void unreadable(String place, String reason) {
        settlePending();
        out.accept(new ReadItem.Unreadable(place, reason));
    }

    /** "record 3" (after the root value's prefix) when inside a Records array, else "line N". */
    private String place(int line) {
        return record > 0 ? prefix + "record " + record : "line " + line;
    }

    /**
     * A parse error for people: Jackson's reason, where it broke, and whether reading stopped there. A document
     * gives the line only inside a Records array (otherwise the place already names it); JSON Lines always does.
     */
    private String notJson(JsonProcessingException e, boolean document) {
        String where = "";
        if (e.getLocation() != null) {
            where = document && record > 0
                    ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    : " at column " + e.getLocation().getColumnNr();
        }
        String lost = "";
        if (document && !(e instanceof JsonEOFException)) {
            lost = REST_NOT_READ;
        } else if (!document && record > 0) {
            lost = "; the rest of the line was not read";
        }
        return "not valid JSON: " + CloudTrailEvent.jsonProblem(e.getOriginalMessage()) + where + lost;
    }

    private static String couldNotRead(IOException e) {
        return "could not read: " + InputFiles.describe(e) + REST_NOT_READ;
    }
}
