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
 * exactly once, and the dedup memory must stay bounded: the heap retained after the second half of the events is at
 * most 8 MB more than after the first (unbounded, the dedup memory of the second half's ~28,000 findings adds about
 * 20 MB), and the oldest findings are forgotten, so a replay of the first events alerts again. Prints the heap figures
 * for the record; it is not a timing test.
 */
class LoadTest {
    private static final int EVENTS = 100_000;
    /** How much the retained heap may grow from half-way to the end: far less than unbounded memory would add. */
    private static final long GROWTH_ALLOWED = 8L << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void handlesAHundredThousandMixedEvents_accountsForEveryFinding_andRetainsABoundedHeap() throws Exception {
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

        long retainedHalfWay = 0;
        long expectedFindings = 0;
        long alerted = 0;
        long published = 0;
        int processed = 0;
        for (int n = 0; n < EVENTS; n++) {
            int i = n % templates.length;
            PipelineResult result = harness.pipeline.process(copy(templates, ids, i, n), "load", harness.telemetry);
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
            if (n == EVENTS / 2 - 1) {
                retainedHalfWay = retainedHeap();
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
        harness.telemetry.alerts.clear();
        harness.sns.published.clear();
        long retained = retainedHeap();
        System.out.printf("load: %,d events, %,d findings alerted, heap peak (sum of pool peaks) %.1f MB, "
                + "heap in use after a full GC %.1f MB half-way and %.1f MB at the end (max heap %.0f MB)%n", EVENTS,
                expectedFindings, heapPeak / 1048576.0, retainedHalfWay / 1048576.0, retained / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        assertTrue(retained - retainedHalfWay < GROWTH_ALLOWED, "the heap retained grew from "
                + retainedHalfWay + " to " + retained + " bytes over the second half of the events");

        int firing = 0;
        while (expectations.get(fixtures.get(firing)).isEmpty()) {
            firing++;
        }
        PipelineResult replay = harness.pipeline.process(copy(templates, ids, firing, firing), "load",
                harness.telemetry);
        assertEquals(expectations.get(fixtures.get(firing)).size(), replay.alerts().size(),
                "the findings of the first events were forgotten, so a replay alerts again");
    }

    /** The {@code n}th event: fixture {@code i} with an event id of its own. */
    private static byte[] copy(String[] templates, String[] ids, int i, int n) {
        return templates[i].replace(ids[i], String.format("%08x-load-4000-8000-%012d", i, n))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The heap in use after a full collection: what the pipeline (and this test) still hold. */
    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
