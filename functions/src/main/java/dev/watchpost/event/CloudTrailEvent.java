package dev.watchpost.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A read-only view over one CloudTrail record, given either as the EventBridge envelope
 * ({@code detail-type} "AWS API Call via CloudTrail") or as the bare record from a CloudTrail log file.
 * Accessors never throw: missing, null and oddly typed fields read as "" or a missing node. Immutable and
 * thread-safe once built (the underlying tree is never modified).
 */
public final class CloudTrailEvent {
    /** Detail type EventBridge gives CloudTrail management events. */
    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    /**
     * The event source and name alerts report for a record a Watchpost sweep wrote to restate what it found standing
     * (no call was made), so such findings show as coming from a sweep, not from an event.
     */
    public static final String SWEEP_SOURCE = "sweep.watchpost.dev";
    public static final String SWEEP_EVENT_NAME = "Sweep";
    /** The field that marks a sweep's record; CloudTrail writes no such field. */
    public static final String SWEEP_MARKER = "watchpostSweep";
    /** How the {@code eventID} of a sweep's record starts; it names no CloudTrail event. */
    public static final String SWEEP_EVENT_ID_PREFIX = "watchpost-sweep:";

    /** Deeper nesting than any real record; bounds the stack an attacker-shaped document can use. */
    private static final int MAX_NESTING_DEPTH = 200;

    /**
     * Rejects a key given twice in one object (a second {@code eventName} could hide the first from one reader and
     * not another). Checked while the tree is built, where the object's own map already tells whether a key is new,
     * rather than by the parser, which keeps a second set of names per object: a quarter more CPU per record in the
     * scanner. Only {@code readTree} checks; a reader that builds objects itself must check.
     */
    /** How Jackson's tree builder starts and goes on when it meets a key twice in one object. */
    private static final String DUPLICATE = "Duplicate field '";
    private static final String DUPLICATE_TAIL = " for `";

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final JsonNode envelope;
    private final JsonNode detail;
    private final String eventName;
    /**
     * Read on first use: the scanner wraps every record but asks only the few that a detection watches. Racy but
     * safe: {@link Principal} is immutable, so a thread sees null (and builds an equal one) or a complete object.
     */
    private Principal principal;

    private CloudTrailEvent(JsonNode envelope, JsonNode detail) {
        this.envelope = envelope;
        this.detail = detail;
        this.eventName = detail.path("eventName").textValue();
    }

    /** Parses JSON bytes holding one envelope or one bare record. */
    public static CloudTrailEvent parse(byte[] json) throws MalformedEventException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not valid JSON: " + jsonProblem(e.getMessage()), e);
        }
        return of(tree);
    }

    /** Wraps an already parsed tree holding one envelope or one bare record. */
    public static CloudTrailEvent of(JsonNode tree) throws MalformedEventException {
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("expected a JSON object, found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        JsonNode detail = tree.has("detail-type") || tree.has("detail") ? Json.path(tree, "detail") : tree;
        if (!detail.isObject()) {
            throw new MalformedEventException("the envelope has no \"detail\" object");
        }
        JsonNode eventName = detail.path("eventName");
        if (!eventName.isTextual() || eventName.textValue().isBlank()) {
            throw new MalformedEventException("no \"eventName\" string: not a CloudTrail record");
        }
        return new CloudTrailEvent(tree == detail ? MissingNode.getInstance() : tree,
                detail);
    }

    /** The shared mapper, configured for CloudTrail input; for readers that stream many records. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public String eventName() {
        return eventName;
    }

    public String eventSource() {
        return Json.text(detail, "eventSource");
    }

    /**
     * True for a record a sweep wrote about current state (its marker and its id's prefix), false for a CloudTrail
     * event. Its {@code eventSource} and {@code eventName} are those of the call the state restates.
     */
    public boolean isSweep() {
        return detail.path(SWEEP_MARKER).asBoolean(false) && eventId().startsWith(SWEEP_EVENT_ID_PREFIX);
    }

    /** The event name alerts report: {@link #SWEEP_EVENT_NAME} for a sweep's record, else the call's. */
    public String reportedEventName() {
        return isSweep() ? SWEEP_EVENT_NAME : eventName;
    }

    /** The event source alerts report: {@link #SWEEP_SOURCE} for a sweep's record, else the call's. */
    public String reportedEventSource() {
        return isSweep() ? SWEEP_SOURCE : eventSource();
    }

    /** CloudTrail's {@code eventID}, else the EventBridge envelope id, else "". */
    public String eventId() {
        String id = Json.text(detail, "eventID");
        return id.isEmpty() ? Json.text(envelope, "id") : id;
    }

    /** The raw {@code eventTime} text (ISO-8601), or the envelope's {@code time}. */
    public String eventTime() {
        String time = Json.text(detail, "eventTime");
        return time.isEmpty() ? Json.text(envelope, "time") : time;
    }

    public Optional<Instant> eventInstant() {
        try {
            return Optional.of(Instant.parse(eventTime()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** CloudTrail's {@code recipientAccountId}: the account whose resources the call concerns, or "". */
    public String recipientAccount() {
        return Json.text(detail, "recipientAccountId");
    }

    /** The EventBridge envelope's {@code account}, the account the event came from; "" for a bare record. */
    public String envelopeAccount() {
        return Json.text(envelope, "account");
    }

    /** The account the call was made in: {@code recipientAccountId}, else the envelope's account, else the caller's. */
    public String account() {
        String account = Json.text(detail, "recipientAccountId");
        if (account.isEmpty()) {
            account = Json.text(envelope, "account");
        }
        return account.isEmpty() ? principal().accountId() : account;
    }

    public String region() {
        String region = Json.text(detail, "awsRegion");
        return region.isEmpty() ? Json.text(envelope, "region") : region;
    }

    /**
     * True for a management event: {@code eventCategory} absent (older records) or {@code Management}. A
     * network-activity record ({@code NetworkActivity}, a call seen at a VPC endpoint) or a data event repeats the
     * call's name, and a network-activity record even its {@code eventID}, without its request: it is not the call.
     */
    public boolean isManagementEvent() {
        JsonNode category = detail.path("eventCategory");
        return category.isMissingNode() || category.isNull() || "Management".equals(category.textValue());
    }

    /** True when the call succeeded: CloudTrail records no {@code errorCode}. */
    public boolean succeeded() {
        return errorCode().isEmpty();
    }

    public Optional<String> errorCode() {
        return Json.optionalText(detail, "errorCode");
    }

    public String errorMessage() {
        return Json.text(detail, "errorMessage");
    }

    public Principal principal() {
        Principal read = principal;
        if (read == null) {
            read = Principal.from(Json.path(detail, "userIdentity"));
            principal = read;
        }
        return read;
    }

    public String sourceIp() {
        return Json.text(detail, "sourceIPAddress");
    }

    public String userAgent() {
        return Json.text(detail, "userAgent");
    }

    /** {@code requestParameters}, or a missing node when absent or null. */
    public JsonNode requestParameters() {
        return Json.path(detail, "requestParameters");
    }

    /** {@code responseElements}, or a missing node when absent or null. */
    public JsonNode responseElements() {
        return Json.path(detail, "responseElements");
    }

    /** The whole CloudTrail record. */
    public JsonNode detail() {
        return detail;
    }

    /**
     * A JSON parse or tree error for people: the first line of Jackson's message (the rest names Jackson's source
     * object), and for a duplicate key only the key, since the rest names Jackson's classes and settings.
     */
    public static String jsonProblem(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        int tail = first.indexOf(DUPLICATE_TAIL);
        return first.startsWith(DUPLICATE) && tail > 0 ? first.substring(0, tail) : first;
    }
}
