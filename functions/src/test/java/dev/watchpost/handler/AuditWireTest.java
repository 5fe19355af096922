package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import dev.watchpost.wire.CloudTrailWire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer.Request;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit function against CloudTrail (JSON 1.1) and SNS (query/XML) on the wire: the real SDK clients with
 * production timeouts and retries talk to a loopback server. Asserts on the exact StartLogging requests.
 */
class AuditWireTest {
    private static final String STOP_LOGGING = "audit/StopLogging.by-name.json";
    private static final String TRAIL = "management-trail";

    private final WireHarness harness = new WireHarness(Family.AUDIT);

    @AfterEach
    void stop() {
        harness.server.close();
    }

    private List<Request> starts() {
        return harness.server.requests("StartLogging");
    }

    private JsonNode outcome() {
        return harness.onlyPublishedFinding().path("outcome");
    }

    @Test
    void retriesAThrottledRestart_andRestartsTheNamedTrailOnce() throws Exception {
        harness.server.on("StartLogging", CloudTrailWire.throttled(), CloudTrailWire.ok())
                .on("Publish", SnsWire.published());

        harness.invoke(STOP_LOGGING);

        assertEquals(2, starts().size());
        for (Request start : starts()) {
            assertEquals("{\"Name\":\"" + TRAIL + "\"}", start.body());
            assertEquals("application/x-amz-json-1.1", start.headers().get("content-type"));
        }
        assertEquals("applied", outcome().path("status").asText());
    }

    @Test
    void reportsAccessDeniedAsFailed_andStillAlerts() throws Exception {
        harness.server.on("StartLogging", CloudTrailWire.error(400, "AccessDeniedException",
                        "User is not authorized to perform: cloudtrail:StartLogging"))
                .on("Publish", SnsWire.published());

        harness.invoke(STOP_LOGGING);

        assertEquals(1, starts().size());
        assertEquals("failed", outcome().path("status").asText());
        assertTrue(outcome().path("summary").asText().contains("AccessDeniedException"), outcome().toString());
    }

    @Test
    void reportsAMissingTrailAsFailed_withCloudTrailsReason() throws Exception {
        harness.server.on("StartLogging", CloudTrailWire.error(400, "TrailNotFoundException",
                        "Unknown trail: management-trail for the user: 123456789012"))
                .on("Publish", SnsWire.published());

        harness.invoke(STOP_LOGGING);

        assertEquals(1, starts().size());
        assertTrue(outcome().path("summary").asText().contains("TrailNotFoundException"), outcome().toString());
    }

    @Test
    void aRetriedEventDoesNotRestartTheTrailTwice() throws Exception {
        harness.server.on("StartLogging", CloudTrailWire.ok()).on("Publish", SnsWire.internalError());
        assertThrows(RuntimeException.class, () -> harness.invoke(STOP_LOGGING), "SNS down fails the invocation");
        harness.server.on("Publish", SnsWire.published());

        harness.invoke(STOP_LOGGING);

        assertEquals(1, starts().size());
    }
}
