package dev.watchpost.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one place a sweep's finding gets its "event": a small record that restates what a sweep read as the request
 * and response of the call that would have made it ({@code eventSource} and {@code eventName} of that call), so the
 * family's own pure detection judges it exactly as it judges an event (one predicate, two inputs). It says where
 * (account, region), when (the sweep's time), and who: nobody made a call, so the principal is {@value #PRINCIPAL};
 * it is marked as a sweep's ({@link CloudTrailEvent#isSweep}), and the finding document reports it as event name
 * {@value CloudTrailEvent#SWEEP_EVENT_NAME} from {@link CloudTrailEvent#SWEEP_SOURCE}, so every channel shows it as
 * found by a sweep, never as a call someone made. Its id names account, region,
 * detection and resource, so the finding's dedup key is one per standing exposure, whichever sweep found it. Immutable
 * builder output; thread-safe.
 */
public final class StateRecord {
    public static final String PRINCIPAL = "Watchpost sweep";
    public static final String USER_AGENT = "watchpost-sweep";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateRecord() {}

    /** A fresh request or response object to fill. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Sets {@code field} to {@code value} unless the SDK gave none (null or empty), as CloudTrail leaves it out. */
    public static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    /**
     * The record for one resource's current state.
     *
     * @param source    the event source of the call the state restates, e.g. {@code ec2.amazonaws.com}
     * @param call      the call the state restates, e.g. {@code AuthorizeSecurityGroupIngress}
     * @param detection the detection the state is put to
     * @param resource  what the state is of (group id, trail name, account setting)
     * @param request   the request the state restates ({@code requestParameters})
     * @param response  the response the state restates ({@code responseElements}), or null
     */
    public static CloudTrailEvent of(String account, String region, Instant at, String source, String call,
                                     String detection, String resource, ObjectNode request, ObjectNode response) {
        ObjectNode record = NODES.objectNode();
        record.put("eventVersion", "1.09");
        ObjectNode who = record.putObject("userIdentity");
        who.put("type", PRINCIPAL);
        who.put("accountId", account);
        record.put("eventTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("eventSource", source);
        record.put("eventName", call);
        record.put("awsRegion", region);
        record.put("sourceIPAddress", "");
        record.put("userAgent", USER_AGENT);
        record.set("requestParameters", request);
        record.set("responseElements", response == null ? NODES.nullNode() : response);
        record.put("eventID", CloudTrailEvent.SWEEP_EVENT_ID_PREFIX + account + ":" + region + ":" + detection + ":"
                + resource);
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", account);
        record.put("eventCategory", "Management");
        record.put(CloudTrailEvent.SWEEP_MARKER, true);
        try {
            return CloudTrailEvent.of(record);
        } catch (MalformedEventException e) {
            throw new IllegalStateException("a sweep record always has an event name", e);
        }
    }
}
