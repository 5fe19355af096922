package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit rule is watched from a second family, so that disabling it cannot go unseen. */
class AuditRuleTamperedTest {
    private static final String AUDIT_RULE = "hardening/DisableRule.audit-rule.json";
    private final AuditRuleTampered detection = new AuditRuleTampered(DetectionParameters.defaults());

    @Test
    void isCritical_whenTheAuditRuleIsDisabled() {
        Finding finding = only(detection, AUDIT_RULE);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("watchpost-audit", finding.context().get("rule"));
        assertEquals("DisableRule", finding.context().get("call"));
    }

    @Test
    void isRoutedByTheHardeningFamily_notOnlyByTheAuditRuleItself() {
        Detections registry = Detections.defaults(DetectionParameters.defaults());
        CloudTrailEvent event = Fixtures.event(AUDIT_RULE);
        Set<Family> families = registry.forEvent(event).stream().map(d -> d.info().family())
                .collect(Collectors.toSet());
        assertEquals(Set.of(Family.AUDIT, Family.HARDENING), families);
        assertTrue(registry.eventNames(Family.HARDENING).contains("DisableRule"));
        assertTrue(registry.eventSources(Family.HARDENING).contains("events.amazonaws.com"));
    }

    @Test
    void readsTheRuleFromAnArn_inRemoveTargets() {
        CloudTrailEvent event = Fixtures.edited("audit/RemoveTargets.watchpost-rule.json", "/detail/requestParameters",
                request -> request.put("rule", "arn:aws:events:us-east-1:123456789012:rule/watchpost-audit"));
        assertEquals("watchpost-audit", only(detection, event).context().get("rule"));
    }

    @Test
    void isLow_duringACloudFormationDeployOfWatchpost() {
        JsonNode deployer = Fixtures.tree("audit/UpdateFunctionConfiguration20150331v2.via-cloudformation.json")
                .path("detail");
        CloudTrailEvent event = Fixtures.edited(AUDIT_RULE, "/detail", detail -> {
            detail.set("userIdentity", deployer.path("userIdentity"));
            detail.put("sourceIPAddress", "cloudformation.amazonaws.com");
        });
        Finding finding = only(detection, event);
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("deployment").startsWith("CloudFormation deploy as "));
    }

    @Test
    void staysCritical_whenCloudFormationCallsAsAnotherIdentity() {
        CloudTrailEvent event = Fixtures.edited(AUDIT_RULE, "/detail/userIdentity",
                identity -> identity.put("invokedBy", "cloudformation.amazonaws.com"));
        Finding finding = only(detection, event);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertTrue(finding.context().get("deployment").contains("does not deploy Watchpost"));
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"audit/DisableRule.watchpost-rule.json", "audit/DisableRule.audit-lookalike.json",
            "audit/PutRule.unrelated-rule.json"})
    void ignoresTheOtherWatchpostRulesAndLookalikes(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }

    @Test
    void ignoresAFailedCall() {
        CloudTrailEvent event = Fixtures.edited(AUDIT_RULE, "/detail",
                detail -> detail.put("errorCode", "AccessDeniedException"));
        assertTrue(detection.evaluate(event).isEmpty());
    }

    @Test
    void followsTheConfiguredPrefix() {
        AuditRuleTampered other = new AuditRuleTampered(new DetectionParameters(Set.of(22), 0, List.<Cidr>of(),
                "wp-prod"));
        assertTrue(findings(other, AUDIT_RULE).isEmpty());
    }
}
