package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/**
 * StartAutomationExecution: request {@code documentName}/{@code parameters}, response
 * {@code automationExecutionId}.
 */
class SsmAutomationStartedTest {
    private final SsmAutomationStarted detection = new SsmAutomationStarted();

    @Test
    void ratesTheAccountsOwnRunbookMedium_andNamesInstanceRoleAndExecution() {
        Finding finding = only(detection, "access/StartAutomationExecution.custom-runbook.json");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("i-0a1b2c3d4e5f60718", finding.context().get("instanceIds"));
        assertEquals("arn:aws:iam::123456789012:role/automation-admin", finding.context().get("assumeRole"));
        assertTrue(finding.context().get("executionId").startsWith("4f0b6c1e"));
    }

    @Test
    void ratesAnAwsOwnedRunbookLow() {
        assertEquals(Severity.LOW, only(detection, "access/StartAutomationExecution.aws-restart-instance.json")
                .severity());
    }

    @Test
    void ratesAnAccessResetRunbookHigh() {
        CloudTrailEvent event = Fixtures.edited("access/StartAutomationExecution.custom-runbook.json",
                "/detail/requestParameters",
                node -> node.put("documentName", "AWSSupport-ResetAccess"));
        assertEquals(Severity.HIGH, only(detection, event).severity());
    }
}
