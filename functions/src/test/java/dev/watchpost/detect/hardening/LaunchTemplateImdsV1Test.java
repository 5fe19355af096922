package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/**
 * Launch templates. The wrapped {@code CreateLaunchTemplateRequest.LaunchTemplateData} request is seen in public
 * samples; the responses' {@code launchTemplate}/{@code launchTemplateVersion} are inferred from the API reference.
 */
class LaunchTemplateImdsV1Test {
    private final LaunchTemplateImdsV1 detection = new LaunchTemplateImdsV1();

    @Test
    void firesMedium_whenHttpTokensIsOptional() {
        Finding finding = detection.evaluate(Fixtures.event("hardening/CreateLaunchTemplate.imdsv1-optional.json"))
                .getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("lt-0a1b2c3d4e5f60718", finding.resources().getFirst().id());
        assertEquals("web", finding.context().get("launchTemplateName"));
    }

    @Test
    void firesLow_whenMetadataOptionsAreAbsent_becauseTheAccountDefaultDecides() {
        Finding finding = detection.evaluate(
                Fixtures.event("hardening/CreateLaunchTemplate.no-metadata-options.json")).getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("httpTokens").contains("account default"));
    }

    @Test
    void firesOnANewVersion_andNamesItsNumber() {
        Finding finding = detection.evaluate(Fixtures.event("hardening/CreateLaunchTemplateVersion.optional.json"))
                .getFirst();
        assertEquals("2", finding.context().get("version"));
        assertEquals("lt-0a1b2c3d4e5f60718", finding.context().get("launchTemplateId"));
    }

    @Test
    void readsTheFlatCamelCaseForm() throws Exception {
        JsonNode tree = Fixtures.tree("hardening/CreateLaunchTemplate.imdsv2-required.json");
        ObjectNode detail = (ObjectNode) tree.path("detail");
        detail.putNull("responseElements");
        ObjectNode request = detail.putObject("requestParameters");
        request.put("launchTemplateName", "flat");
        request.putObject("launchTemplateData").putObject("metadataOptions").put("httpTokens", "optional");
        assertEquals(Severity.MEDIUM, detection.evaluate(CloudTrailEvent.of(tree)).getFirst().severity());
    }

    @Test
    void ignoresRequiredTokens_anInheritedSourceVersion_aDryRunAndAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("hardening/CreateLaunchTemplate.imdsv2-required.json")).isEmpty());
        assertTrue(detection.evaluate(
                Fixtures.event("hardening/CreateLaunchTemplateVersion.from-source-version.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/CreateLaunchTemplate.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("hardening/CreateLaunchTemplate.failed.json")).isEmpty());
    }
}
