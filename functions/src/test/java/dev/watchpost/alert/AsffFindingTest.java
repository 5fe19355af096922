package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.sweep.Sweeps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

class AsffFindingTest {
    private static final Set<String> NAMESPACES = Set.of("Software and Configuration Checks", "TTPs", "Effects",
            "Unusual Behaviors", "Sensitive Data Identifications");

    private static AwsSecurityFinding of(String fixture) {
        return AsffFinding.of(AlertFacts.of(AlertSamples.fixtureAlert(fixture, Optional.empty())));
    }

    @Test
    void hasEveryRequiredTopLevelField() {
        AlertFacts facts = AlertSamples.sshFacts();
        AwsSecurityFinding finding = AsffFinding.of(facts);
        assertEquals("2018-10-08", finding.schemaVersion());
        assertEquals("network.sg-admin-port-open/" + facts.eventId(), finding.id());
        assertEquals("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default", finding.productArn());
        assertEquals("network.sg-admin-port-open", finding.generatorId());
        assertEquals("123456789012", finding.awsAccountId());
        assertEquals(AlertSamples.HANDLED.toString(), finding.createdAt());
        assertEquals(AlertSamples.HANDLED.toString(), finding.updatedAt());
        assertEquals("2026-11-02T10:15:30Z", finding.firstObservedAt());
        assertEquals("HIGH", finding.severity().labelAsString());
        assertTrue(finding.title().startsWith("SSH open to the internet on sg-"));
        assertFalse(finding.description().isBlank());
        assertEquals("ACTIVE", finding.recordStateAsString());
        assertEquals(List.of(AsffFinding.NETWORK_REACHABILITY, AsffFinding.INITIAL_ACCESS), finding.types());
        assertTrue(finding.sourceUrl().endsWith("#/events/" + facts.eventId()));
    }

    @Test
    void idIsStableAcrossRetries() {
        Alert first = AlertSamples.sshApplied();
        Alert retry = new Alert(first.finding(), first.outcome(), Instant.parse("2026-11-02T10:20:00Z"));
        assertEquals(AsffFinding.of(AlertFacts.of(first)).id(), AsffFinding.of(AlertFacts.of(retry)).id());
    }

    @Test
    void productArnNamesTheImportRegionAndItsPartition() {
        AwsSecurityFinding finding = AsffFinding.of(AlertSamples.sshFacts(), "cn-north-1", "");
        assertEquals("arn:aws-cn:securityhub:cn-north-1:123456789012:product/123456789012/default",
                finding.productArn());
    }

    @Test
    void importsIntoTheImportingAccountsProduct_whileTheFindingStaysTheMemberAccounts() {
        AwsSecurityFinding finding = AsffFinding.of(AlertFacts.of(AlertSamples.memberApplied()), "us-east-1",
                AlertSamples.CENTRAL_ACCOUNT);
        assertEquals("arn:aws:securityhub:us-east-1:999999999999:product/999999999999/default", finding.productArn());
        assertEquals(AlertSamples.MEMBER_ACCOUNT, finding.awsAccountId());
        assertEquals(AlertSamples.MEMBER_REGION, finding.region());
        assertEquals("arn:aws:ec2:eu-west-1:111111111111:security-group/sg-2c53d16ce65dea612",
                finding.resources().getFirst().id());
        assertEquals(AlertSamples.MEMBER_REGION, finding.resources().getFirst().region());
    }

    @Test
    void importsIntoTheFindingsAccountsProduct_whenTheImportingAccountIsUnknown() {
        AwsSecurityFinding finding = AsffFinding.of(AlertFacts.of(AlertSamples.memberApplied()), "us-east-1", "");
        assertEquals("arn:aws:securityhub:us-east-1:111111111111:product/111111111111/default", finding.productArn());
    }

    @Test
    void workflowIsResolved_whenWatchpostAppliedTheFix() {
        assertEquals(WorkflowStatus.RESOLVED, AsffFinding.of(AlertSamples.sshFacts()).workflow().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"planned", "skipped", "failed", "none"})
    void workflowIsNew_otherwise(String kind) {
        Optional<Outcome> outcome = Optional.ofNullable(AlertSamples.outcomes().get(kind));
        AwsSecurityFinding finding = AsffFinding.of(AlertFacts.of(AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE,
                outcome)));
        assertEquals(WorkflowStatus.NEW, finding.workflow().status());
    }

    @Test
    void recommendationSaysWhatWatchpostDidAndTheTriage() {
        String text = AsffFinding.of(AlertSamples.sshFacts()).remediation().recommendation().text();
        assertTrue(text.startsWith("Watchpost has already applied: Revoke sgr-1 from sg-1."), text);
        assertTrue(text.contains("Triage: 1. "), text);
    }

    @Test
    void securityGroupAndItsRulesBecomeAsffResourcesWithArns() {
        List<Resource> resources = AsffFinding.of(AlertSamples.sshFacts()).resources();
        assertEquals("AwsEc2SecurityGroup", resources.get(0).type());
        assertEquals("arn:aws:ec2:us-east-1:123456789012:security-group/sg-2c53d16ce65dea612", resources.get(0).id());
        assertEquals("aws", resources.get(0).partitionAsString());
        assertEquals("us-east-1", resources.get(0).region());
        assertEquals("Other", resources.get(1).type());
        assertTrue(resources.get(1).id().startsWith("arn:aws:ec2:us-east-1:123456789012:security-group-rule/sgr-"));
    }

    @Test
    void aTrailNamedByNameGetsItsArn() {
        Resource trail = of("audit/StopLogging.by-name.json").resources().getFirst();
        assertEquals("AwsCloudTrailTrail", trail.type());
        assertEquals("arn:aws:cloudtrail:us-east-1:123456789012:trail/management-trail", trail.id());
    }

    @Test
    void anInstanceIsAnAwsEc2Instance() {
        Resource instance = of("access/SendSSHPublicKey.ec2-user.json").resources().getFirst();
        assertEquals("AwsEc2Instance", instance.type());
        assertTrue(instance.id().startsWith("arn:aws:ec2:us-east-1:123456789012:instance/i-"), instance.id());
    }

    @Test
    void anAccountSettingIsTheAccount() {
        Resource account = of("hardening/DisableEbsEncryptionByDefault.disabled.json").resources().getFirst();
        assertEquals("AwsAccount", account.type());
        assertEquals("AWS::::Account:123456789012", account.id());
        assertEquals("ebs-encryption-by-default/us-east-1", account.details().other().get("watchpostId"));
    }

    @Test
    void everyDetectionHasFindingTypesFromTheAsffTaxonomy() {
        for (Detection detection : Stream.concat(Detections.defaults(DetectionParameters.defaults()).all().stream(),
                Sweeps.sweepOnly().stream()).toList()) {
            List<String> types = AsffFinding.TYPES.get(detection.info().id());
            assertNotNull(types, detection.info().id() + " has no ASFF types");
            for (String type : types) {
                assertTrue(NAMESPACES.contains(type.substring(0, type.indexOf('/'))), type);
            }
        }
    }

    @Test
    void productFieldsCarryWatchpostFacts() {
        Map<String, String> fields = AsffFinding.of(AlertSamples.sshFacts()).productFields();
        assertEquals("applied", fields.get("watchpost/outcome"));
        assertEquals(AlertSamples.UNDO, fields.get("watchpost/undoCommand"));
        assertEquals("198.51.100.23", fields.get("watchpost/sourceIp"));
        assertEquals("12", fields.get("watchpost/delaySeconds"));
        assertTrue(fields.containsKey("watchpost/context/exposedPorts"), fields.toString());
    }

    @Test
    void respectsAsffLimits_whenValuesAreHuge() {
        AwsSecurityFinding finding = AsffFinding.of(AlertFacts.of(AlertSamples.hostile(20_000)));
        assertTrue(finding.title().length() <= AsffFinding.MAX_TITLE);
        assertTrue(finding.description().length() <= AsffFinding.MAX_DESCRIPTION);
        assertTrue(finding.description().endsWith(Sanitize.TRUNCATION_MARKER));
        assertTrue(finding.remediation().recommendation().text().length() <= AsffFinding.MAX_RECOMMENDATION);
        assertTrue(finding.productFields().size() <= AsffFinding.MAX_PRODUCT_FIELDS);
        finding.productFields().forEach((key, value) -> {
            assertTrue(key.length() <= AsffFinding.MAX_PRODUCT_FIELD_KEY);
            assertTrue(value.length() <= AsffFinding.MAX_PRODUCT_FIELD_VALUE);
        });
        finding.resources().forEach(resource -> assertTrue(resource.id().length() <= AsffFinding.MAX_ID));
    }

    @Test
    void jsonUsesTheAsffFieldNames() throws Exception {
        JsonNode json = SdkJson.of(AsffFinding.of(AlertSamples.sshFacts()));
        assertEquals("2018-10-08", json.path("SchemaVersion").asText());
        assertEquals("HIGH", json.path("Severity").path("Label").asText());
        assertEquals("RESOLVED", json.path("Workflow").path("Status").asText());
        assertEquals("AwsEc2SecurityGroup", json.path("Resources").get(0).path("Type").asText());
        assertTrue(json.path("Remediation").path("Recommendation").has("Text"));
        assertFalse(json.has("Note"), "unset fields are left out");
        assertEquals(json, JsonMapper.builder().build().readTree(AsffFinding.json(AlertSamples.sshFacts())));
    }
}
