package dev.watchpost.detect.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixListInternetEntryTest {
    private final PrefixListInternetEntry detection = new PrefixListInternetEntry(DetectionParameters.defaults());

    private List<Finding> evaluate(String fixture) {
        return detection.evaluate(Fixtures.event("network/" + fixture + ".json"));
    }

    @Test
    void fires_whenAListIsCreatedWithTheWholeInternetAmongItsEntries() {
        Finding finding = evaluate("CreateManagedPrefixList.world-entry").getFirst();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("Prefix list pl-0b1c2d3e4f5a6b7c8 now holds 0.0.0.0/0", finding.title());
        assertEquals(new Resource(Resource.PREFIX_LIST, "pl-0b1c2d3e4f5a6b7c8"), finding.resources().getFirst());
        assertEquals("admin-sources", finding.context().get("prefixListName"));
    }

    @Test
    void fires_whenAModifyAddsTheWholeInternet() {
        assertEquals("pl-ce620328ac5657d9c",
                evaluate("ModifyManagedPrefixList.add-world-entry").getFirst().context().get("prefixList"));
    }

    @Test
    void ignoresOfficeRanges_removedEntries_andDryRuns() {
        assertTrue(evaluate("CreateManagedPrefixList.office-ranges").isEmpty());
        assertTrue(evaluate("ModifyManagedPrefixList.remove-world-entry").isEmpty());
        assertTrue(evaluate("ModifyManagedPrefixList.dry-run").isEmpty());
    }

    @Test
    void readsTheLowerCaseFormAndIpv6() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.parse("""
                {"eventName":"ModifyManagedPrefixList","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"prefixListId":"pl-0123456789abcdef0",
                  "addEntries":{"items":[{"cidr":"::/0"}]}}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals("::/0", detection.evaluate(event).getFirst().context().get("internetEntries"));
    }

    @Test
    void neverThrows_onOddShapes() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.parse("""
                {"eventName":"CreateManagedPrefixList","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"CreateManagedPrefixListRequest":{"Entry":"0.0.0.0/0","AddEntry":[1,null]}},
                 "responseElements":null}
                """.getBytes(StandardCharsets.UTF_8));
        assertTrue(detection.evaluate(event).isEmpty());
    }
}
