package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log lines are CloudWatch embedded-metric-format documents. Every metric must exist with the Function dimension
 * alone, since that is what the stack's alarms select; a metric published only with extra dimensions would leave
 * those alarms silent.
 */
class JsonLogTelemetryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final JsonLogTelemetry telemetry = new JsonLogTelemetry(lines::add, "watchpost-network",
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    private JsonNode onlyLine() throws Exception {
        assertEquals(1, lines.size(), lines.toString());
        return MAPPER.readTree(lines.getFirst());
    }

    @Test
    void countsAMalformedEventPerFunction() throws Exception {
        telemetry.malformed("request r-1", "not valid JSON");

        JsonNode line = onlyLine();
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals("Watchpost", directive.path("Namespace").asText());
        assertEquals("[[\"Function\"]]", directive.path("Dimensions").toString());
        assertEquals("MalformedEvents", directive.at("/Metrics/0/Name").asText());
        assertEquals("watchpost-network", line.path("Function").asText());
        assertEquals(1, line.path("MalformedEvents").asInt());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli(), line.at("/_aws/Timestamp").asLong());
    }

    @Test
    void countsAFailedDetectionPerFunction_andPerDetection() throws Exception {
        telemetry.detectionFailed("network.sg-admin-port-open", "e-1", new IllegalStateException("boom"));

        JsonNode line = onlyLine();
        assertEquals("[[\"Function\"],[\"Function\",\"Detection\"]]",
                line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals("network.sg-admin-port-open", line.path("Detection").asText());
        assertEquals(1, line.path("DetectionErrors").asInt());
    }
}
