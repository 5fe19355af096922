package dev.watchpost.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.util.Set;

/**
 * The shapes of CloudTrail data {@code scan} reads, told apart by content: which key of a root object holds an array
 * of items ({@code Records}, lookup-events' {@code Events}, Lake's {@code QueryResultRows}), how an item carrying its
 * record as a JSON string is unwrapped, and what a file was expected to hold. Stateless.
 */
final class CloudTrailShapes {
    /** What {@code scan} reads, for people told that a file holds none of it. */
    static final String EXPECTED = "expected a CloudTrail log file {\"Records\":[…]}, EventBridge events or CloudTrail "
            + "records (one per file, in a JSON array, or one per line, as objects or as strings), lookup-events "
            + "output {\"Events\":[…]}, or CloudTrail Lake results with an eventJson column";

    /** The string field of a lookup-events event that holds the record. */
    private static final String LOOKUP_RECORD = "CloudTrailEvent";
    /**
     * The CloudTrail Lake column that holds the whole record as a JSON string. Lake results give every value as a
     * string; only this column (selected in the query) carries a record whole, nested fields included.
     */
    private static final String LAKE_RECORD = "eventJson";
    /** Keys that mark a root object as CloudTrail data: a container, an envelope, a record, or a wrapped record. */
    private static final Set<String> CLOUDTRAIL_KEYS = Set.of("Records", "Events", "QueryResultRows", "detail",
            "detail-type", "eventVersion", "eventName", "eventSource", "eventID", LOOKUP_RECORD, LAKE_RECORD);

    private CloudTrailShapes() {}

    /** What the items of an array hold, which says how each becomes a record. */
    enum Items {
        /** Records or envelopes, bare or wrapped (a log file's {@code Records}, a root array, root values). */
        RECORDS,
        /** lookup-events {@code Events}: each an object whose {@code CloudTrailEvent} string is the record. */
        LOOKUP_EVENTS,
        /** get-query-results {@code QueryResultRows}: each row a list of one-column objects, one of them eventJson. */
        LAKE_ROWS
    }

    /** What the array under {@code key} of a root object holds, or null if {@code key} holds no items. */
    static Items itemsUnder(String key) {
        return switch (key) {
            case "Records" -> Items.RECORDS;
            case "Events" -> Items.LOOKUP_EVENTS;
            case "QueryResultRows" -> Items.LAKE_ROWS;
            default -> null;
        };
    }

    /** Whether a root object with this key is CloudTrail data (so not a lone other file, such as a digest). */
    static boolean isCloudTrailKey(String key) {
        return CLOUDTRAIL_KEYS.contains(key);
    }

    /**
     * The record (or envelope) an item holds: the item itself, or the JSON string it wraps parsed. Throws with the
     * reason for people when the item does not hold one its container promises.
     */
    static JsonNode record(Items items, JsonNode item) throws MalformedEventException {
        return switch (items) {
            case RECORDS -> unwrapped(item);
            case LOOKUP_EVENTS -> {
                JsonNode json = item == null ? null : item.get(LOOKUP_RECORD);
                if (json == null || !json.isTextual()) {
                    throw new MalformedEventException("a lookup-events event without a \"" + LOOKUP_RECORD
                            + "\" string");
                }
                yield parsed("\"" + LOOKUP_RECORD + "\"", json.textValue());
            }
            case LAKE_ROWS -> {
                JsonNode json = lakeRecord(item);
                if (json == null) {
                    throw new MalformedEventException("a CloudTrail Lake row without an \"" + LAKE_RECORD
                            + "\" string column: select " + LAKE_RECORD + " in the query");
                }
                yield parsed("\"" + LAKE_RECORD + "\"", json.textValue());
            }
        };
    }

    /**
     * An item outside a container that says what it holds: a lookup-events event, a Lake row (an object with the
     * eventJson column, or a list of one-column objects), or a string holding a JSON object (as {@code lookup-events
     * --query 'Events[].CloudTrailEvent'} prints them) is unwrapped; anything else is taken as it is.
     */
    private static JsonNode unwrapped(JsonNode item) throws MalformedEventException {
        if (item == null) {
            return null;
        }
        if (item.isTextual() && item.textValue().strip().startsWith("{")) {
            return parsed("a string holding a record", item.textValue());
        }
        if (item.isObject() && !item.has("eventName") && !item.has("detail")) {
            JsonNode lookup = item.get(LOOKUP_RECORD);
            if (lookup != null && lookup.isTextual()) {
                return parsed("\"" + LOOKUP_RECORD + "\"", lookup.textValue());
            }
        }
        JsonNode lake = item.isObject() && item.has("eventName") ? null : lakeRecord(item);
        return lake == null ? item : parsed("\"" + LAKE_RECORD + "\"", lake.textValue());
    }

    /** The eventJson string of a Lake row, given as one object or as a list of one-column objects; else null. */
    private static JsonNode lakeRecord(JsonNode row) {
        if (row == null) {
            return null;
        }
        if (row.isObject()) {
            JsonNode json = row.get(LAKE_RECORD);
            return json != null && json.isTextual() ? json : null;
        }
        if (row.isArray()) {
            for (JsonNode column : row) {
                JsonNode json = column.get(LAKE_RECORD);
                if (json != null && json.isTextual()) {
                    return json;
                }
            }
        }
        return null;
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
