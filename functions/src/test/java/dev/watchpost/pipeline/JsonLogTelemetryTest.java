package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.alert.AlertSamples;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log lines are CloudWatch embedded-metric-format documents. */
class JsonLogTelemetryTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<String> lines = new ArrayList<>();
    private final JsonLogTelemetry telemetry = new JsonLogTelemetry(lines::add, "network",
            Clock.fixed(AlertSamples.HANDLED, ZoneOffset.UTC));

    private JsonNode line(int index) throws Exception {
        return MAPPER.readTree(lines.get(index));
    }

    /** directive name → its dimension sets, as text. */
    private static String dimensions(JsonNode line, String metric) {
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            if (directive.path("Metrics").get(0).path("Name").asText().equals(metric)) {
                return directive.path("Dimensions").toString();
            }
        }
        throw new AssertionError("no directive for " + metric + " in " + line);
    }

    @Test
    void countsAFindingByDetectionAndSeverity_andRecordsTheDetectionDelay() throws Exception {
        telemetry.alerted(AlertSamples.sshApplied());
        JsonNode finding = line(0);
        assertEquals("[[\"Function\",\"Detection\",\"Severity\"]]", dimensions(finding, "Findings"));
        assertEquals(1, finding.path("Findings").asInt());
        assertEquals("HIGH", finding.path("Severity").asText());
        assertEquals("[[\"Function\",\"Detection\"]]", dimensions(finding, "DetectionDelay"));
        assertEquals(12_000, finding.path("DetectionDelay").asLong());
        assertTrue(finding.path("_aws").toString().contains("\"Unit\":\"Milliseconds\""));
    }

    @Test
    void countsARemediationByActionAndOutcome() throws Exception {
        telemetry.alerted(AlertSamples.sshApplied());
        JsonNode remediation = line(1);
        assertEquals("[[\"Function\",\"Action\",\"Outcome\"]]", dimensions(remediation, "Remediations"));
        assertEquals("applied", remediation.path("Outcome").asText());
        assertEquals("revoke-security-group-rules", remediation.path("Action").asText());
    }

    @Test
    void publishesAlertFailuresByFunctionAlone_forAlarms_andByDetection() throws Exception {
        telemetry.alertFailed("slack", "network.sg-admin-port-open", "e-1", "gave up");
        JsonNode failure = line(0);
        assertEquals("[[\"Function\"],[\"Function\",\"Detection\"]]", dimensions(failure, "AlertFailures"));
        assertEquals("slack", failure.path("sink").asText());
        assertEquals("ERROR", failure.path("level").asText());
    }

    @Test
    void countsMalformedEventsByFunction() throws Exception {
        telemetry.malformed("request r-1", "not JSON");
        assertEquals("[[\"Function\"]]", dimensions(line(0), "MalformedEvents"));
        assertEquals("network", line(0).path("Function").asText());
    }

    @Test
    void countsACallLeftOutForTime_byFunction_namingTheCallAndWhy() throws Exception {
        telemetry.outOfTime("network.sg-admin-port-open", "e-1", "SnsAlertSink", "the invocation has 900 ms left");
        JsonNode skipped = line(0);
        assertEquals("[[\"Function\"]]", dimensions(skipped, "CallsSkippedForTime"));
        assertEquals(1, skipped.path("CallsSkippedForTime").asInt());
        assertEquals("ERROR", skipped.path("level").asText());
        assertEquals("network.sg-admin-port-open", skipped.path("Detection").asText());
        assertEquals("SnsAlertSink", skipped.path("call").asText());
        assertEquals("the invocation has 900 ms left", skipped.path("reason").asText());
    }
}
