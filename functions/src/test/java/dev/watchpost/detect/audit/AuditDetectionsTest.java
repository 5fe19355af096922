package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditDetectionsTest {
    private static Finding first(dev.watchpost.detect.Detection detection, String fixture) {
        return detection.evaluate(Fixtures.event("audit/" + fixture + ".json")).getFirst();
    }

    @Test
    void stoppedTrailCarriesTheNameOrArnForTheRestart() {
        assertEquals("management-trail",
                ((TrailTarget) first(new TrailLoggingStopped(), "StopLogging.by-name").details()).nameOrArn());
        Finding byArn = first(new TrailLoggingStopped(), "StopLogging.by-arn");
        assertTrue(byArn.title().endsWith("org-trail"), byArn.title());
        assertEquals(Severity.CRITICAL, byArn.severity());
    }

    @Test
    void weakenedTrailSaysWhatChanged() {
        assertEquals("KMS encryption removed",
                first(new TrailWeakened(), "UpdateTrail.kms-removed").context().get("changes"));
        assertEquals("log file validation off",
                first(new TrailWeakened(), "UpdateTrail.validation-off").context().get("changes"));
    }

    @Test
    void weakenedTrail_whenTheOrganizationTrailIsTurnedOff() {
        Finding finding = first(new TrailWeakened(), "UpdateTrail.organization-off");
        assertEquals(Severity.HIGH, finding.severity());
        assertTrue(finding.context().get("changes").startsWith("organization trail off"));
    }

    @Test
    void weakenedTrail_whenTheCloudWatchLogsDeliveryIsRemoved_butNotWhenItMoves() {
        Finding finding = first(new TrailWeakened(), "UpdateTrail.cloudwatch-logs-removed");
        assertEquals(Severity.HIGH, finding.severity());
        assertTrue(finding.context().get("changes").startsWith("CloudWatch Logs delivery removed"));
        assertTrue(new TrailWeakened().evaluate(Fixtures.event("audit/UpdateTrail.cloudwatch-logs-changed.json"))
                .isEmpty());
    }

    @Test
    void aNewBucketIsMedium_andSaysItMayBeAnotherAccounts() {
        Finding finding = first(new TrailWeakened(), "UpdateTrail.bucket-change");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("org-audit-logs-123456789012-us-east-1", finding.context().get("bucket"));
        assertTrue(finding.title().endsWith("which may be another account's"), finding.title());
        assertTrue(new TrailWeakened().evaluate(Fixtures.event("audit/UpdateTrail.prefix-change.json")).isEmpty());
    }

    @Test
    void droppedManagementEventsAreHighAndExclusionsMedium() {
        ManagementEventsDropped detection = new ManagementEventsDropped();
        assertEquals(Severity.HIGH, first(detection, "PutEventSelectors.read-only").severity());
        assertEquals(Severity.HIGH, first(detection, "PutEventSelectors.advanced-management-reads-only").severity());
        Finding excluded = first(detection, "PutEventSelectors.exclude-kms");
        assertEquals(Severity.MEDIUM, excluded.severity());
        assertEquals("kms.amazonaws.com, rdsdata.amazonaws.com", excluded.context().get("excludedSources"));
    }

    @Test
    void tamperingIsCriticalButLowDuringACloudFormationDeployment() {
        DetectorTampered detection = new DetectorTampered(DetectionParameters.defaults());
        assertEquals(Severity.CRITICAL,
                first(detection, "UpdateFunctionConfiguration20150331v2.watchpost-function").severity());
        Finding deployment = first(detection, "UpdateFunctionConfiguration20150331v2.via-cloudformation");
        assertEquals(Severity.LOW, deployment.severity());
        assertEquals("CloudFormation deploy as "
                + "arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-123456789012-us-east-1",
                deployment.context().get("deployment"));
    }

    @Test
    void tamperingReadsFunctionArnsAndSubscriptionArns() {
        DetectorTampered detection = new DetectorTampered(DetectionParameters.defaults());
        assertEquals("watchpost-audit",
                first(detection, "UpdateFunctionCode20150331v2.watchpost-function-arn").context().get("resource"));
        assertEquals("watchpost-alerts",
                first(detection, "Unsubscribe.watchpost-subscription").context().get("resource"));
        assertEquals("watchpost-audit", DetectorTampered.functionName(
                "arn:aws:lambda:us-east-1:123456789012:function:watchpost-audit:live"));
    }

    @Test
    void tamperingFollowsTheConfiguredPrefix() {
        DetectorTampered other = new DetectorTampered(new DetectionParameters(Set.of(22), 0, List.<Cidr>of(),
                "wp-prod"));
        assertTrue(other.evaluate(Fixtures.event("audit/DeleteRule.watchpost-rule.json")).isEmpty());
    }
}
