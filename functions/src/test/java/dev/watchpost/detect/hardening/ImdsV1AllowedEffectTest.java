package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * IMDSv1 is judged by the options in force after the call, as the record's response states them, and a record that
 * states none says so. Shapes: the {@code ModifyInstanceMetadataOptionsResponse.instanceMetadataOptions} object
 * follows the EC2 API's {@code InstanceMetadataOptionsResponse} in camelCase, as in the sample events; the omitted
 * {@code RunInstances} response ({@code responseElements} null on a successful call, or {@code instancesSet} replaced
 * by a string) is inferred from CloudTrail's 100 KB limit on {@code responseElements}, not from a public sample.
 */
class ImdsV1AllowedEffectTest {
    private final ImdsV1Allowed detection = new ImdsV1Allowed();

    private List<Finding> evaluate(String fixture) {
        return detection.evaluate(Fixtures.event("hardening/" + fixture + ".json"));
    }

    private List<Finding> evaluate(String fixture, Consumer<ObjectNode> change) throws Exception {
        JsonNode tree = Fixtures.tree("hardening/" + fixture + ".json");
        change.accept((ObjectNode) tree.path("detail"));
        return detection.evaluate(CloudTrailEvent.of(tree));
    }

    @Test
    void fires_whenOnlyTheHopLimitChangedAndTheResponseStillAllowsImdsV1() {
        Finding finding = evaluate("ModifyInstanceMetadataOptions.hop-limit-only-tokens-optional").getFirst();
        assertEquals(List.of("i-0d4c2b7e9a1f36058"), ((ImdsTargets) finding.details()).instanceIds());
        assertFalse(finding.context().containsKey("readFrom"));
    }

    @Test
    void fires_whenTheEndpointIsEnabledOnAnInstanceWithOptionalTokens() {
        assertEquals(1, evaluate("ModifyInstanceMetadataOptions.endpoint-enabled-tokens-optional").size());
    }

    @Test
    void ignores_whenTheResponseRequiresTokens_evenIfTheRequestSaidNothing() {
        assertTrue(evaluate("ModifyInstanceMetadataOptions.hop-limit-only").isEmpty());
    }

    @Test
    void ignores_optionalTokensBehindADisabledEndpoint() {
        assertTrue(evaluate("ModifyInstanceMetadataOptions.endpoint-disabled").isEmpty());
        assertTrue(evaluate("RunInstances.endpoint-disabled").isEmpty());
    }

    @Test
    void readsTheRequest_whenTheResponseRecordsNoOptions_andSaysSo() throws Exception {
        Finding finding = evaluate("ModifyInstanceMetadataOptions.optional",
                detail -> detail.putNull("responseElements")).getFirst();
        assertEquals("i-0480a6883507eec81", finding.resources().getFirst().id());
        assertTrue(finding.context().get("readFrom").startsWith("the request"));
    }

    @Test
    void fires_whenTheAccountDefaultIsClearedWithNoPreference_andTheUndoRestoresIt() {
        Finding finding = evaluate("ModifyInstanceMetadataDefaults.no-preference").getFirst();
        ImdsTargets targets = (ImdsTargets) finding.details();
        assertTrue(targets.accountDefault());
        assertEquals("no-preference", targets.accountDefaultValue());
        assertTrue(finding.context().get("changes").startsWith("HttpTokens no-preference"));
    }

    @Test
    void fires_whenLaunchEnforcementIsTurnedOff_withoutRewritingTheTokensDefault() {
        Finding finding = evaluate("ModifyInstanceMetadataDefaults.enforcement-disabled").getFirst();
        assertTrue(finding.context().get("changes").startsWith("HttpTokensEnforced disabled"));
        assertFalse(((ImdsTargets) finding.details()).accountDefault(),
                "requiring tokens does not restore enforcement, and its undo would weaken a required default");
    }

    @Test
    void ignores_aRequiredAndEnforcedAccountDefault() {
        assertTrue(evaluate("ModifyInstanceMetadataDefaults.required-enforced").isEmpty());
    }

    @Test
    void saysItCouldNotTell_whenTheRunInstancesResponseWasOmitted() {
        Finding finding = evaluate("RunInstances.response-omitted").getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.title().startsWith("Could not tell"), finding.title());
        assertTrue(finding.context().get("couldNotTell").contains("responseElements is null"));
        assertTrue(((ImdsTargets) finding.details()).instanceIds().isEmpty(), "nothing to remediate blindly");
    }

    @Test
    void saysItCouldNotTell_whenTheInstancesWereReplacedByAString() throws Exception {
        Finding finding = evaluate("RunInstances.imdsv1-optional", detail -> ((ObjectNode) detail
                .path("responseElements")).put("instancesSet", "omitted: response too large")).getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("couldNotTell").contains("instancesSet is the text"));
    }

    @Test
    void saysItCouldNotTell_forAnInstanceWithoutMetadataOptions_namingIt() throws Exception {
        Finding finding = evaluate("RunInstances.imdsv1-optional", detail -> ((ObjectNode) detail
                .path("responseElements").path("instancesSet").path("items").get(0)).remove("metadataOptions"))
                .getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("i-0188e51b91f6fe05a", finding.context().get("instances"));
    }

    @Test
    void trustsAnExplicitRequest_whenTheResponseWasOmitted() {
        assertTrue(evaluate("RunInstances.response-omitted-request-required").isEmpty());
    }
}
