package dev.watchpost.cli;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams the CloudTrail records out of one file, whatever its shape, told apart by content: an EventBridge envelope
 * or bare record, an array of them, a CloudTrail log file ({@code {"Records":[…]}}, one record at a time, never one
 * tree), lookup-events output ({@code Events}), CloudTrail Lake results ({@code QueryResultRows}), items carrying
 * their record as a JSON string, or several root values. A file is read line by line, so that broken JSON costs only
 * its line, unless its first non-blank line ends inside a JSON value, as a pretty-printed document's does; in a
 * document the parser cannot resynchronise, so the rest of the file is reported as not read.
 *
 * <p>Inside a {@code Records} array, a record is first only tokenised: its top-level keys read, their values
 * skipped. If its keys are all different, its {@code eventName} is one no detection watches and it has no envelope
 * keys, it is {@link ReadItem#UNWATCHED passed over} (almost every record of a real trail is); otherwise it is built
 * from its bytes, which {@link ReplayInput} kept, so a fault only building finds (a key given twice below the top
 * level, a string Jackson refuses) costs that record alone. Such faults are not looked for in a record passed over:
 * nothing reads its values, and EventBridge never routes it to the deployed functions either.
 *
 * <p>Never throws on its input: every problem becomes a {@link ReadItem.Unreadable}. One instance per file.
 */
final class RecordReader {
    /** What {@code scan} reads, for people told that a file holds none of it. */
    static final String EXPECTED = "expected a CloudTrail log file {\"Records\":[…]}, EventBridge events or CloudTrail "
            + "records (one per file, in a JSON array, or one per line, as objects or as strings), lookup-events "
            + "output {\"Events\":[…]}, or CloudTrail Lake results with an eventJson column";
    /** How far to look for the end of the first line; a longer one is not the start of a pretty-printed document. */
    static final int LOOKAHEAD = 1 << 16;
    private static final String REST_NOT_READ = "; the rest of the file was not read";
    private static final String LOOKUP_RECORD = "CloudTrailEvent";
    /** The Lake column holding the whole record as a JSON string (Lake gives every value as a string). */
    private static final String LAKE_RECORD = "eventJson";
    /** Keys that mark a root object as CloudTrail data: a container, an envelope, a record, or a wrapped record. */
    private static final Set<String> CLOUDTRAIL_KEYS = Set.of("Records", "Events", "QueryResultRows", "detail",
            "detail-type", "eventVersion", "eventName", "eventSource", "eventID", LOOKUP_RECORD, LAKE_RECORD);

    /** What the items of an array hold: records or envelopes, lookup-events events, or Lake rows. */
    private enum Items { RECORDS, LOOKUP_EVENTS, LAKE_ROWS }

    private final ObjectMapper mapper = CloudTrailEvent.mapper();
    private final Predicate<String> mayWatch;
    private final Consumer<ReadItem> out;
    private final ReplayInput replay;
    private final Set<String> keys = new HashSet<>();
    private Items items = Items.RECORDS;
    private boolean lines;
    /** Whether the parser gives byte offsets (not for UTF-16 or -32), without which no record can be passed over. */
    private boolean replayable;
    private int rootValues;
    /** The first root value, held while it may turn out to be the file's only, non-CloudTrail, value. */
    private ObjectNode pending;
    private int pendingLine;
    /** Where reading is, for a report: the root value's prefix and the record index (0 = not in one). */
    private String prefix = "";
    private int record;

    private RecordReader(InputStream in, Predicate<String> mayWatch, Consumer<ReadItem> out) {
        this.replay = new ReplayInput(in);
        this.mayWatch = mayWatch;
        this.out = out;
    }

    /**
     * Reads everything in {@code in}, in order, into {@code out}; does not close {@code in}. A record in a
     * {@code Records} array whose event name (escapes decoded, never blank) {@code mayWatch} rejects is handed out as
     * {@link ReadItem#UNWATCHED}, unbuilt.
     */
    static void read(InputStream in, Predicate<String> mayWatch, Consumer<ReadItem> out) {
        new RecordReader(in, mayWatch, out).readAll();
    }

    private void readAll() {
        lines = isJsonLines(replay.head(LOOKAHEAD));
        if (lines) {
            replay.readLines();
        }
        int line = 1;
        try {
            while (!lines || replay.nextLine()) {
                line = lines ? replay.lineNumber() : 1;
                try (JsonParser parser = mapper.createParser(replay)) {
                    replayable = parser.currentLocation().getByteOffset() >= 0;
                    try {
                        while (parser.nextToken() != null) {
                            root(parser, lines ? line : parser.currentTokenLocation().getLineNr());
                        }
                    } catch (JsonProcessingException e) {
                        unreadable(place(lines || e.getLocation() == null ? line : e.getLocation().getLineNr()),
                                notJson(e));
                    } catch (IOException e) {
                        line = lines ? line : parser.currentLocation().getLineNr();
                        throw e;
                    }
                }
                record = 0;
                replay.release(); // a record broken off keeps nothing pinned for the lines after it
                if (!lines) {
                    break;
                }
            }
        } catch (IOException e) {
            unreadable(place(line), "could not read: " + InputFiles.describe(e) + REST_NOT_READ);
        }
        if (pending != null) {
            out.accept(new ReadItem.NotCloudTrail("not CloudTrail data: a JSON object without \"Records\", "
                    + "\"detail\" or \"eventName\"; " + EXPECTED, pending));
        }
    }

    /** True unless the first non-blank line of {@code head} ends inside a JSON value (class comment). */
    static boolean isJsonLines(byte[] head) {
        boolean blank = true;
        for (int start = 0, end = 0; end < head.length; end++) {
            if (head[end] != '\n') {
                blank &= head[end] == ' ' || head[end] == '\t' || head[end] == '\r';
            } else if (blank) {
                start = end + 1;
            } else {
                try (JsonParser parser = CloudTrailEvent.mapper().createParser(head, start, end - start)) {
                    while (parser.nextToken() != null) {
                        parser.skipChildren();
                    }
                    return true;
                } catch (JsonEOFException e) {
                    return false; // the value goes on past the line's end
                } catch (JsonParseException e) {
                    // After a comma Jackson reports the end of the input as a plain parse error with this message.
                    return !e.getOriginalMessage().startsWith("Unexpected end-of-input");
                } catch (IOException e) {
                    return true; // not JSON at all: line by line, so only this line is lost
                }
            }
        }
        return true; // the only line, or a first line longer than the lookahead
    }

    /** One root value, starting at the parser's current token on file line {@code line}. */
    private void root(JsonParser parser, int line) throws IOException {
        rootValues++;
        items = Items.RECORDS; // until a container says otherwise
        prefix = rootValues == 1 ? "" : "line " + line + ": ";
        record = 0;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            settlePending();
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                records(parser, Items.RECORDS, "the array");
            } else {
                event("line " + line, mapper.readTree(parser));
            }
            return;
        }
        ObjectNode fields = mapper.createObjectNode();
        String container = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Items held = parser.nextToken() != JsonToken.START_ARRAY ? null : switch (name) {
                case "Records" -> Items.RECORDS;
                case "Events" -> Items.LOOKUP_EVENTS;
                case "QueryResultRows" -> Items.LAKE_ROWS;
                default -> null;
            };
            if (container == null && held != null && !fields.has(name)) {
                container = name;
                settlePending();
                records(parser, held, "\"" + name + "\"");
            } else if (name.equals(container)) {
                throw duplicateKey(parser, name); // a second array would otherwise go unread, unreported
            } else if (container != null) {
                parser.skipChildren();
            } else {
                JsonNode tree = mapper.readTree(parser);
                // Built here, not by readTree, so the mapper's duplicate-key check does not see these keys.
                if (fields.replace(name, tree == null ? NullNode.getInstance() : tree) != null) {
                    throw duplicateKey(parser, name);
                }
            }
        }
        if (container == null && rootValues == 1 && !fields.isEmpty()
                && fields.properties().stream().noneMatch(field -> CLOUDTRAIL_KEYS.contains(field.getKey()))) {
            pending = fields;
            pendingLine = line;
        } else if (container == null) {
            settlePending();
            event("line " + line, fields);
        }
    }

    /**
     * The items of an array, the parser on its start, each passed over or built; {@code what} names the array. An
     * object is first only {@linkplain #passOver passed over}, its first byte pinned in {@link #replay}, and built
     * from its kept bytes if it may not be; anything else, or any item when the parser gives no byte offsets, is built
     * as it is read.
     */
    private void records(JsonParser parser, Items held, String what) throws IOException {
        items = held;
        JsonStreamContext array = parser.getParsingContext();
        for (record = 1; ; record++) { // counted before it is read, so a failure on the way is reported at its index
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            } else if (token == null) {
                throw new JsonEOFException(parser, null, "Unexpected end-of-input in " + what);
            } else if (token == JsonToken.START_OBJECT && replayable) {
                JsonLocation start = parser.currentTokenLocation();
                replay.pin(start.getByteOffset());
                if (passOver(parser)) {
                    replay.release();
                    out.accept(ReadItem.UNWATCHED);
                } else {
                    built(start, parser.currentLocation().getByteOffset());
                }
                continue;
            }
            try {
                event(prefix + "record " + record, mapper.readTree(parser));
            } catch (MismatchedInputException e) {
                unreadable(prefix + "record " + record, whyNotBuilt(e, null));
                while (parser.getParsingContext() != array) { // on to the end of this item
                    if (parser.nextToken() == null) {
                        throw new JsonEOFException(parser, null, "Unexpected end-of-input in " + what);
                    }
                }
            }
        }
        record = 0;
    }

    /**
     * Reads a record's top-level keys, skipping their values, and leaves the parser on its end. True if it may be
     * passed over: a record of a log file, no envelope keys, no key twice, one {@code eventName}, a string that is
     * not blank, which {@link #mayWatch} rejects. Anything else is built, and reported as it would be.
     */
    private boolean passOver(JsonParser parser) throws IOException {
        String eventName = null;
        boolean passable = items == Items.RECORDS;
        keys.clear();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            passable &= keys.add(key) && !key.equals("detail") && !key.equals("detail-type");
            if (key.equals("eventName")) {
                eventName = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        return passable && eventName != null && !eventName.isBlank() && !mayWatch.test(eventName);
    }

    /** Builds the record from {@code start} to {@code end} from its kept bytes and hands it out, or why it was not. */
    private void built(JsonLocation start, long end) throws IOException {
        JsonNode tree;
        try {
            tree = replay.readTree(mapper, start.getByteOffset(), end);
        } catch (JsonProcessingException e) {
            unreadable(prefix + "record " + record, whyNotBuilt(e, start));
            return;
        } finally {
            replay.release();
        }
        event(prefix + "record " + record, tree);
    }

    /** Why a record could not be built, with the place of the fault in the file if Jackson gives one. */
    private String whyNotBuilt(JsonProcessingException e, JsonLocation start) {
        String problem = "not valid JSON: " + CloudTrailEvent.jsonProblem(e.getOriginalMessage());
        JsonLocation within = e.getLocation();
        if (e instanceof MismatchedInputException || within == null || within.getLineNr() < 1) {
            return problem;
        }
        // The record's own line 1 starts at its column in the file.
        int column = within.getLineNr() == 1 ? start.getColumnNr() + within.getColumnNr() - 1 : within.getColumnNr();
        return problem + at(start.getLineNr() + within.getLineNr() - 1, column);
    }

    private static JsonParseException duplicateKey(JsonParser parser, String name) {
        return new JsonParseException(parser, "Duplicate field '" + name + "'");
    }

    private void event(String place, JsonNode tree) {
        try {
            out.accept(new ReadItem.Event(place, CloudTrailEvent.of(record(items, tree))));
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
    private String notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : at(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        String lost = !lines && !(e instanceof JsonEOFException) ? REST_NOT_READ
                : lines && record > 0 ? "; the rest of the line was not read" : "";
        return "not valid JSON: " + CloudTrailEvent.jsonProblem(e.getOriginalMessage()) + where + lost;
    }

    /** A place in the file after the item's own place: the line only in a document's records, else the column. */
    private String at(int line, int column) {
        return !lines && record > 0 ? " at line " + line + ", column " + column : " at column " + column;
    }

    /**
     * The record (or envelope) an item holds: the item itself, or the JSON string it wraps parsed. In a container that
     * says what it holds, an item without its string is refused with the reason; elsewhere a lookup-events event, a
     * Lake row or a string holding a JSON object (as {@code lookup-events --query 'Events[].CloudTrailEvent'} prints
     * them) is unwrapped, and anything else taken as it is.
     */
    private static JsonNode record(Items items, JsonNode item) throws MalformedEventException {
        JsonNode lookup = item == null ? null : item.get(LOOKUP_RECORD);
        JsonNode lake = lakeRecord(item);
        if (items == Items.LOOKUP_EVENTS && (lookup == null || !lookup.isTextual())) {
            throw new MalformedEventException("a lookup-events event without a \"" + LOOKUP_RECORD + "\" string");
        } else if (items == Items.LAKE_ROWS && lake == null) {
            throw new MalformedEventException("a CloudTrail Lake row without an \"" + LAKE_RECORD + "\" string "
                    + "column: select " + LAKE_RECORD + " in the query");
        } else if (items == Items.LOOKUP_EVENTS || items == Items.RECORDS && item != null && item.isObject()
                && !item.has("eventName") && !item.has("detail") && lookup != null && lookup.isTextual()) {
            return parsed("\"" + LOOKUP_RECORD + "\"", lookup.textValue());
        } else if (items == Items.LAKE_ROWS || lake != null && !(item.isObject() && item.has("eventName"))) {
            return parsed("\"" + LAKE_RECORD + "\"", lake.textValue());
        } else if (item != null && item.isTextual() && item.textValue().strip().startsWith("{")) {
            return parsed("a string holding a record", item.textValue());
        }
        return item;
    }

    /** The eventJson string of a Lake row, given as one object or as a list of one-column objects; else null. */
    private static JsonNode lakeRecord(JsonNode row) {
        if (row != null && row.isArray()) {
            for (JsonNode column : row) {
                JsonNode json = lakeRecord(column);
                if (json != null) {
                    return json;
                }
            }
        }
        JsonNode json = row == null || !row.isObject() ? null : row.get(LAKE_RECORD);
        return json != null && json.isTextual() ? json : null;
    }

    /** The JSON in a string; {@code what} names the string in the reason when it is not JSON. */
    private static JsonNode parsed(String what, String json) throws MalformedEventException {
        try {
            return CloudTrailEvent.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(what + " is not valid JSON: "
                    + CloudTrailEvent.jsonProblem(e.getOriginalMessage()), e);
        }
    }
}
