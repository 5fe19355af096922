package dev.watchpost.detect.audit;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeSettingsChangedTest {
    private final RuntimeSettingsChanged detection = new RuntimeSettingsChanged(DetectionParameters.defaults());

    @Test
    void fires_critical_namingThePrincipal_whenSomeonePutsTheParameter() {
        Finding finding = only(detection, "audit/PutParameter.settings-changed.json");
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("Watchpost runtime settings /watchpost/settings changed: PutParameter by "
                + "arn:aws:iam::123456789012:user/alice.ops", finding.title());
        assertEquals("/watchpost/settings", finding.primaryResourceId());
        assertTrue(finding.context().get("value").startsWith("not recorded by CloudTrail"));
    }

    @Test
    void fires_whenTheParameterIsDeletedByArn() {
        assertEquals(Severity.CRITICAL, only(detection, "audit/DeleteParameter.settings-deleted.json").severity());
        assertEquals("/watchpost/settings", RuntimeSettingsChanged.parameterName(
                "arn:aws:ssm:us-east-1:123456789012:parameter/watchpost/settings"));
    }

    @Test
    void fires_whenAVersionIsLabelled_sayingTheLabels() {
        assertEquals("known-good", only(detection, "audit/LabelParameterVersion.settings-labelled.json").context()
                .get("labels"));
    }

    @Test
    void isLow_whenCloudFormationMadeTheCallAsTheRoleThatDeploysWatchpost() {
        Finding finding = only(detection, "audit/PutParameter.via-cloudformation.json");
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("deployment").startsWith("CloudFormation deploy as "),
                finding.context().toString());
    }

    @Test
    void ignores_anotherParameter() {
        assertTrue(findings(detection, "audit/PutParameter.other-parameter.json").isEmpty());
    }

    @Test
    void followsTheConfiguredPrefix() {
        RuntimeSettingsChanged other = new RuntimeSettingsChanged(new DetectionParameters(Set.of(22), 0,
                List.<Cidr>of(), "wp-prod"));
        assertTrue(findings(other, "audit/PutParameter.settings-changed.json").isEmpty());
    }
}
