package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.watchpost.detect.Family;
import dev.watchpost.wire.CloudTrailWire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer.Request;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit function against CloudTrail (JSON 1.1) and SNS (query/XML) on the wire: the real SDK clients with
 * production timeouts and retries talk to a loopback server. Asserts on the exact StartLogging requests.
 */
class AuditWireTest {
    private static final String STOP_LOGGING = "audit/StopLogging.by-name.json";
    private static final String TRAIL = "management-trail";

    @AutoClose
    private final WireHarness harness = new WireHarness(Family.AUDIT);

    private List<Request> starts() {
        return harness.server.requests("StartLogging");
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
        assertEquals("applied", harness.onlyPublishedFinding().path("outcome").path("status").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            access denied   | AccessDeniedException  | User is not authorized to perform: cloudtrail:StartLogging
            a missing trail | TrailNotFoundException | Unknown trail: management-trail for the user: 123456789012
            """)
    void reportsARefusedRestartAsFailed_withCloudTrailsReason_andStillAlerts(String refusal, String code,
                                                                             String message) throws Exception {
        harness.server.on("StartLogging", CloudTrailWire.error(400, code, message))
                .on("Publish", SnsWire.published());

        harness.invoke(STOP_LOGGING);

        assertEquals(1, starts().size());
        harness.assertPublishedOutcome("failed", code);
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
