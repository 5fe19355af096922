package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IMDSv1 is judged by the options in force after the call, as the record's response states them, and a record that
 * states none says so. Shapes: the {@code ModifyInstanceMetadataOptionsResponse.instanceMetadataOptions} object
 * follows the EC2 API's {@code InstanceMetadataOptionsResponse} in camelCase, as in the sample events; the omitted
 * {@code RunInstances} response ({@code responseElements} null on a successful call, or {@code instancesSet} replaced
 * by a string) is inferred from CloudTrail's 100 KB limit on {@code responseElements}, not from a public sample.
 */
class ImdsV1AllowedEffectTest {
    private final ImdsV1Allowed detection = new ImdsV1Allowed();

    @Test
    void fires_whenOnlyTheHopLimitChangedAndTheResponseStillAllowsImdsV1() {
        Finding finding = only(detection,
                "hardening/ModifyInstanceMetadataOptions.hop-limit-only-tokens-optional.json");
        assertEquals(List.of("i-0d4c2b7e9a1f36058"), ((ImdsTargets) finding.details()).instanceIds());
        assertFalse(finding.context().containsKey("readFrom"));
    }

    @Test
    void fires_whenTheEndpointIsEnabledOnAnInstanceWithOptionalTokens() {
        assertEquals(1, findings(detection,
                "hardening/ModifyInstanceMetadataOptions.endpoint-enabled-tokens-optional.json").size());
    }

    @ParameterizedTest(name = "ignores {0}")
    @CsvSource({
            "a response that requires tokens though the request said nothing, "
                    + "hardening/ModifyInstanceMetadataOptions.hop-limit-only.json",
            "optional tokens behind a disabled endpoint, "
                    + "hardening/ModifyInstanceMetadataOptions.endpoint-disabled.json",
            "a launch with optional tokens behind a disabled endpoint, hardening/RunInstances.endpoint-disabled.json",
            "a required and enforced account default, hardening/ModifyInstanceMetadataDefaults.required-enforced.json",
            "a launch whose request required tokens though its response was omitted, "
                    + "hardening/RunInstances.response-omitted-request-required.json"})
    void ignores_whatLeavesImdsV1Off(String behaviour, String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }

    @Test
    void readsTheRequest_whenTheResponseRecordsNoOptions_andSaysSo() {
        Finding finding = only(detection, Fixtures.edited("hardening/ModifyInstanceMetadataOptions.optional.json",
                "/detail", detail -> detail.putNull("responseElements")));
        assertEquals("i-0480a6883507eec81", finding.resources().getFirst().id());
        assertTrue(finding.context().get("readFrom").startsWith("the request"));
    }

    @Test
    void fires_whenTheAccountDefaultIsClearedWithNoPreference_andTheUndoRestoresIt() {
        Finding finding = only(detection, "hardening/ModifyInstanceMetadataDefaults.no-preference.json");
        ImdsTargets targets = (ImdsTargets) finding.details();
        assertTrue(targets.accountDefault());
        assertEquals("no-preference", targets.accountDefaultValue());
        assertTrue(finding.context().get("changes").startsWith("HttpTokens no-preference"));
    }

    @Test
    void fires_whenLaunchEnforcementIsTurnedOff_withoutRewritingTheTokensDefault() {
        Finding finding = only(detection, "hardening/ModifyInstanceMetadataDefaults.enforcement-disabled.json");
        assertTrue(finding.context().get("changes").startsWith("HttpTokensEnforced disabled"));
        assertFalse(((ImdsTargets) finding.details()).accountDefault(),
                "requiring tokens does not restore enforcement, and its undo would weaken a required default");
    }

    @Test
    void saysItCouldNotTell_whenTheRunInstancesResponseWasOmitted() {
        Finding finding = only(detection, "hardening/RunInstances.response-omitted.json");
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.title().startsWith("Could not tell"), finding.title());
        assertTrue(finding.context().get("couldNotTell").contains("responseElements is null"));
        assertTrue(((ImdsTargets) finding.details()).instanceIds().isEmpty(), "nothing to remediate blindly");
    }

    @Test
    void saysItCouldNotTell_whenTheInstancesWereReplacedByAString() {
        Finding finding = only(detection, Fixtures.edited("hardening/RunInstances.imdsv1-optional.json",
                "/detail/responseElements", response -> response.put("instancesSet", "omitted: response too large")));
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("couldNotTell").contains("instancesSet is the text"));
    }

    @Test
    void saysItCouldNotTell_forAnInstanceWithoutMetadataOptions_namingIt() {
        Finding finding = only(detection, Fixtures.edited("hardening/RunInstances.imdsv1-optional.json",
                "/detail/responseElements/instancesSet/items/0", instance -> instance.remove("metadataOptions")));
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("i-0188e51b91f6fe05a", finding.context().get("instances"));
    }
}
