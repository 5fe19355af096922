package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit rule is watched from a second family, so that disabling it cannot go unseen. */
class AuditRuleTamperedTest {
    private static final String AUDIT_RULE = "hardening/DisableRule.audit-rule.json";
    private final AuditRuleTampered detection = new AuditRuleTampered(DetectionParameters.defaults());

    private static CloudTrailEvent changed(String fixture, Consumer<ObjectNode> change) throws Exception {
        JsonNode tree = Fixtures.tree(fixture);
        change.accept((ObjectNode) tree.path("detail"));
        return CloudTrailEvent.of(tree);
    }

    @Test
    void isCritical_whenTheAuditRuleIsDisabled() {
        Finding finding = detection.evaluate(Fixtures.event(AUDIT_RULE)).getFirst();
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
    void readsTheRuleFromAnArn_inRemoveTargets() throws Exception {
        CloudTrailEvent event = changed("audit/RemoveTargets.watchpost-rule.json", detail -> ((ObjectNode) detail
                .path("requestParameters")).put("rule", "arn:aws:events:us-east-1:123456789012:rule/watchpost-audit"));
        assertEquals("watchpost-audit", detection.evaluate(event).getFirst().context().get("rule"));
    }

    @Test
    void isLow_duringACloudFormationDeployOfWatchpost() throws Exception {
        JsonNode deployer = Fixtures.tree("audit/UpdateFunctionConfiguration20150331v2.via-cloudformation.json")
                .path("detail");
        CloudTrailEvent event = changed(AUDIT_RULE, detail -> {
            detail.set("userIdentity", deployer.path("userIdentity"));
            detail.put("sourceIPAddress", "cloudformation.amazonaws.com");
        });
        Finding finding = detection.evaluate(event).getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertTrue(finding.context().get("deployment").startsWith("CloudFormation deploy as "));
    }

    @Test
    void staysCritical_whenCloudFormationCallsAsAnotherIdentity() throws Exception {
        CloudTrailEvent event = changed(AUDIT_RULE, detail -> ((ObjectNode) detail.path("userIdentity"))
                .put("invokedBy", "cloudformation.amazonaws.com"));
        Finding finding = detection.evaluate(event).getFirst();
        assertEquals(Severity.CRITICAL, finding.severity());
        assertTrue(finding.context().get("deployment").contains("does not deploy Watchpost"));
    }

    @Test
    void ignoresTheOtherWatchpostRulesAndLookalikes() {
        assertTrue(detection.evaluate(Fixtures.event("audit/DisableRule.watchpost-rule.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("audit/DisableRule.audit-lookalike.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("audit/PutRule.unrelated-rule.json")).isEmpty());
    }

    @Test
    void ignoresAFailedCall() throws Exception {
        CloudTrailEvent event = changed(AUDIT_RULE, detail -> detail.put("errorCode", "AccessDeniedException"));
        assertTrue(detection.evaluate(event).isEmpty());
    }

    @Test
    void followsTheConfiguredPrefix() {
        AuditRuleTampered other = new AuditRuleTampered(new DetectionParameters(Set.of(22), 0, List.<Cidr>of(),
                "wp-prod"));
        assertTrue(other.evaluate(Fixtures.event(AUDIT_RULE)).isEmpty());
    }
}
