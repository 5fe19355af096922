package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.sweep.StateRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a region covered by a trail, judged on the trails a sweep saw there. */
class RegionWithoutTrailTest {
    private static final String REGION = "eu-west-1";
    private final RegionWithoutTrail detection = new RegionWithoutTrail();

    private static ObjectNode trail(String name, String home, boolean multiRegion, boolean logging) {
        return StateRecord.object().put("name", "arn:aws:cloudtrail:" + home + ":123456789012:trail/" + name)
                .put("homeRegion", home).put("isMultiRegionTrail", multiRegion).put("isLogging", logging);
    }

    private static CloudTrailEvent seen(ObjectNode... trails) {
        ObjectNode request = StateRecord.object();
        ArrayNode list = request.putArray("trails");
        List.of(trails).forEach(list::add);
        return StateRecord.of("123456789012", REGION, Instant.parse("2026-03-01T06:00:00Z"),
                CloudTrailEvent.SWEEP_SOURCE, RegionWithoutTrail.CALL, RegionWithoutTrail.ID, "cloudtrail/" + REGION,
                request, null);
    }

    @Test
    void fires_whenNoTrailIsSeen() {
        List<Finding> found = detection.evaluate(seen());

        assertEquals(1, found.size());
        assertEquals("HIGH No CloudTrail trail logs management events in eu-west-1 (trails seen: none)",
                found.getFirst().severity() + " " + found.getFirst().title() + " (trails seen: "
                        + found.getFirst().context().get("trailsSeen") + ")");
        assertEquals("cloudtrail/eu-west-1", found.getFirst().primaryResourceId());
    }

    @Test
    void ignores_whenAMultiRegionTrailFromAnotherRegionLogs() {
        assertEquals(List.of(), detection.evaluate(seen(trail("org", "us-east-1", true, true))));
    }

    @Test
    void ignores_whenTheRegionsOwnTrailLogs() {
        assertEquals(List.of(), detection.evaluate(seen(trail("local", REGION, false, true))));
    }

    @Test
    void fires_whenTheOnlyTrailsAreStopped_orRecordNoWriteManagementEvents() {
        ObjectNode readsOnly = trail("reads", "us-east-1", true, true);
        readsOnly.putObject("selectors").putArray("eventSelectors").addObject()
                .put("readWriteType", "ReadOnly").put("includeManagementEvents", true);

        List<Finding> found = detection.evaluate(seen(trail("stopped", REGION, false, false), readsOnly));

        assertEquals("stopped (not logging), reads (no write management events)",
                found.getFirst().context().get("trailsSeen"));
    }

    @Test
    void ignores_aDescribeTrailsCallSomeoneMade() throws Exception {
        String call = """
                {"eventVersion":"1.09","eventSource":"cloudtrail.amazonaws.com","eventName":"DescribeTrails",
                 "awsRegion":"eu-west-1","eventID":"e1","recipientAccountId":"123456789012",
                 "requestParameters":{"trailNameList":[],"includeShadowTrails":true},"responseElements":null}""";

        assertEquals(List.of(), detection.evaluate(CloudTrailEvent.parse(call.getBytes())));
    }
}
