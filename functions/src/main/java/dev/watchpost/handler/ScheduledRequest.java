package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What the schedule asks a family function, instead of an event: {@code {"watchpost":"sweep"}} (sweep current
 * state), {@code {"watchpost":"heartbeat"}} (the canary that keeps the SnapStart version active and proves the function
 * answers) or {@code {"watchpost":"digest"}} (list what stays open). A CloudTrail event never has a top-level
 * {@code watchpost} field, and EventBridge cannot put one on an {@code aws.*} event, so the two cannot be confused.
 * Stateless.
 */
public enum ScheduledRequest {
    SWEEP, HEARTBEAT, DIGEST;

    /** The field the schedule's payload carries. */
    public static final String FIELD = "watchpost";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Scheduled payloads are tiny; anything longer is an event. */
    private static final int MAX_LENGTH = 256;

    public String payload() {
        return "{\"" + FIELD + "\":\"" + id() + "\"}";
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The request these bytes make, or empty for an event (or anything else). */
    static Optional<ScheduledRequest> of(byte[] raw) {
        if (raw.length > MAX_LENGTH || !new String(raw, StandardCharsets.UTF_8).contains("\"" + FIELD + "\"")) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readTree(raw);
            String kind = tree == null ? "" : tree.path(FIELD).asText("");
            for (ScheduledRequest request : values()) {
                if (request.id().equals(kind)) {
                    return Optional.of(request);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
