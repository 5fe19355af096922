package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mixed events (every fixture in turn, each copy with its own event id) through one warm pipeline with every
 * remediation on ENFORCE and fake clients: no event may be lost or fail, every expected finding must be alerted
 * exactly once, and the dedup memory must stay bounded. Prints the heap peak for the record; it is not a timing test.
 */
class LoadTest {
    private static final int EVENTS = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void handlesAHundredThousandMixedEvents_andAccountsForEveryFinding() throws Exception {
        List<String> fixtures = Fixtures.all();
        Map<String, List<String>> expectations = Fixtures.expectations();
        String[] templates = new String[fixtures.size()];
        String[] ids = new String[fixtures.size()];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = new String(Fixtures.bytes(fixtures.get(i)), StandardCharsets.UTF_8);
            JsonNode detail = MAPPER.readTree(templates[i]).path("detail");
            ids[i] = detail.path("eventID").asText();
            assertTrue(!ids[i].isEmpty() && templates[i].indexOf(ids[i]) == templates[i].lastIndexOf(ids[i]),
                    fixtures.get(i) + " needs one unique eventID for this test");
        }
        EnforcingPipeline harness = new EnforcingPipeline();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long expectedFindings = 0;
        long alerted = 0;
        long published = 0;
        int processed = 0;
        for (int n = 0; n < EVENTS; n++) {
            int i = n % templates.length;
            String event = templates[i].replace(ids[i], String.format("%08x-load-4000-8000-%012d", i, n));
            PipelineResult result = harness.pipeline.process(event.getBytes(StandardCharsets.UTF_8), "load",
                    harness.telemetry);
            expectedFindings += expectations.get(fixtures.get(i)).size();
            assertEquals(expectations.get(fixtures.get(i)).size(), result.alerts().size(), fixtures.get(i));
            processed++;
            if (n % 1000 == 999) {
                // The fakes keep what they saw; count and forget it so the heap figure is the pipeline's.
                alerted += harness.telemetry.alerts.size();
                published += harness.sns.published.size();
                harness.telemetry.alerts.clear();
                harness.sns.published.clear();
                harness.clients.ec2.calls.clear();
                harness.clients.ec2.revokes.clear();
                harness.clients.cloudTrail.started.clear();
            }
        }
        alerted += harness.telemetry.alerts.size();
        published += harness.sns.published.size();

        assertEquals(EVENTS, processed);
        assertTrue(harness.telemetry.malformed.isEmpty(), harness.telemetry.malformed.toString());
        assertTrue(harness.telemetry.problems.isEmpty(), harness.telemetry.problems.toString());
        assertEquals(expectedFindings, alerted);
        assertEquals(expectedFindings, published);
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("load: %,d events, %,d findings alerted, heap peak (sum of pool peaks) %.1f MB, "
                + "heap in use after a full GC %.1f MB (max heap %.0f MB)%n", EVENTS, expectedFindings,
                heapPeak / 1048576.0, retained / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
