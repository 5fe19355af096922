package dev.watchpost.detect.network;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.inline;
import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixListInternetEntryTest {
    private final PrefixListInternetEntry detection = new PrefixListInternetEntry(DetectionParameters.defaults());

    @Test
    void fires_whenAListIsCreatedWithTheWholeInternetAmongItsEntries() {
        Finding finding = only(detection, "network/CreateManagedPrefixList.world-entry.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("Prefix list pl-0b1c2d3e4f5a6b7c8 now holds 0.0.0.0/0", finding.title());
        assertEquals(new Resource(Resource.PREFIX_LIST, "pl-0b1c2d3e4f5a6b7c8"), finding.resources().getFirst());
        assertEquals("admin-sources", finding.context().get("prefixListName"));
    }

    @Test
    void fires_whenAModifyAddsTheWholeInternet() {
        assertEquals("pl-ce620328ac5657d9c",
                only(detection, "network/ModifyManagedPrefixList.add-world-entry.json").context().get("prefixList"));
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"network/CreateManagedPrefixList.office-ranges.json",
            "network/ModifyManagedPrefixList.remove-world-entry.json"})
    void ignoresOfficeRanges_andRemovedEntries(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }

    @Test
    void readsTheLowerCaseFormAndIpv6() {
        CloudTrailEvent event = inline("""
                {"eventName":"ModifyManagedPrefixList","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"prefixListId":"pl-0123456789abcdef0",
                  "addEntries":{"items":[{"cidr":"::/0"}]}}}
                """);
        assertEquals("::/0", only(detection, event).context().get("internetEntries"));
    }

    @Test
    void neverThrows_onOddShapes() {
        CloudTrailEvent event = inline("""
                {"eventName":"CreateManagedPrefixList","eventSource":"ec2.amazonaws.com",
                 "requestParameters":{"CreateManagedPrefixListRequest":{"Entry":"0.0.0.0/0","AddEntry":[1,null]}},
                 "responseElements":null}
                """);
        assertTrue(detection.evaluate(event).isEmpty());
    }
}
