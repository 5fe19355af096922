package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.requestOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Finding finding = only(detection, "hardening/CreateLaunchTemplate.imdsv1-optional.json");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("lt-0a1b2c3d4e5f60718", finding.resources().getFirst().id());
        assertEquals("web", finding.context().get("launchTemplateName"));
    }

    @Test
    void firesLow_whenMetadataOptionsAreAbsent_becauseTheAccountDefaultDecides() {
        Finding finding = only(detection, "hardening/CreateLaunchTemplate.no-metadata-options.json");
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("httpTokens").contains("account default"));
    }

    @Test
    void firesOnANewVersion_andNamesItsNumber() {
        Finding finding = only(detection, "hardening/CreateLaunchTemplateVersion.optional.json");
        assertEquals("2", finding.context().get("version"));
        assertEquals("lt-0a1b2c3d4e5f60718", finding.context().get("launchTemplateId"));
    }

    @Test
    void readsTheFlatCamelCaseForm() {
        CloudTrailEvent event = requestOnly("hardening/CreateLaunchTemplate.imdsv2-required.json", """
                {"launchTemplateName":"flat",
                 "launchTemplateData":{"metadataOptions":{"httpTokens":"optional"}}}""");
        assertEquals(Severity.MEDIUM, only(detection, event).severity());
    }

    @Test
    void ignoresRequiredTokens_andAnInheritedSourceVersion() {
        assertTrue(findings(detection, "hardening/CreateLaunchTemplate.imdsv2-required.json").isEmpty());
        assertTrue(findings(detection, "hardening/CreateLaunchTemplateVersion.from-source-version.json").isEmpty());
    }
}
