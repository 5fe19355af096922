package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertFormattingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant HANDLED = Instant.parse("2026-11-02T10:15:42Z");

    private static Alert alert(CloudTrailEvent event) {
        Finding finding = new SecurityGroupAdminPortOpen(DetectionParameters.defaults()).evaluate(event).getFirst();
        Plan plan = new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke sgr-1 from sg-1", "aws ec2 authorize-security-group-ingress --group-id sg-1");
        return new Alert(finding, Optional.of(new Outcome.Applied(plan, "")), HANDLED);
    }

    private static Alert fixtureAlert() {
        return alert(Fixtures.event("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"));
    }

    private static Alert hostileAlert() throws Exception {
        String json = """
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","eventID":"e-1",
                 "eventTime":"2026-11-02T10:15:30Z","awsRegion":"us-east-1","recipientAccountId":"123456789012",
                 "sourceIPAddress":"203.0.113.9",
                 "userAgent":"curl\\r\\nSubject: fake <!channel> %s",
                 "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/r/evil\\nline"},
                 "requestParameters":{"groupId":"sg-0123456789abcdef0","ipPermissions":{"items":[{"ipProtocol":"tcp",
                  "fromPort":22,"toPort":22,"ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}}
                """.formatted("A".repeat(5000));
        return alert(CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void subjectFitsSnsAndSaysWhatAndWhere() {
        SnsMessage message = SnsMessage.of(fixtureAlert());
        assertTrue(message.subject().length() < 100, message.subject());
        assertTrue(message.subject().startsWith("[HIGH] SSH open to the internet on sg-"), message.subject());
        assertTrue(message.subject().endsWith("(123456789012/us-east-1)"), message.subject());
    }

    @Test
    void attributesLetSubscribersFilter() {
        SnsMessage message = SnsMessage.of(fixtureAlert());
        assertEquals("HIGH", message.attributes().get("severity"));
        assertEquals(SecurityGroupAdminPortOpen.ID, message.attributes().get("detection"));
        assertEquals("123456789012", message.attributes().get("account"));
        assertEquals("us-east-1", message.attributes().get("region"));
    }

    @Test
    void messageStructureCarriesEmailTextAndTheJsonFinding() throws Exception {
        JsonNode structure = MAPPER.readTree(SnsMessage.of(fixtureAlert()).message());
        assertTrue(structure.path("email").asText().startsWith("[HIGH] SSH open"));
        JsonNode finding = MAPPER.readTree(structure.path("default").asText());
        assertEquals(SecurityGroupAdminPortOpen.ID, finding.path("detection").asText());
        assertEquals("applied", finding.path("outcome").path("status").asText());
        assertEquals("ENFORCE", finding.path("remediation").path("mode").asText());
        assertEquals(12.0, finding.path("delaySeconds").asDouble(), 0.001);
    }

    @Test
    void findingDocumentHasTheDocumentedFields() {
        JsonNode document = FindingDocument.of(fixtureAlert());
        for (String field : List.of("schemaVersion", "detection", "title", "severity", "family", "eventId",
                "eventName", "eventSource", "eventTime", "account", "region", "principal", "sourceIp", "userAgent",
                "resources", "context", "remediation", "outcome", "delaySeconds")) {
            assertTrue(document.has(field), field);
        }
        assertTrue(document.path("resources").get(1).path("id").asText().startsWith("sgr-"));
        assertTrue(document.path("principal").has("mfa"));
    }

    @Test
    void emailReadsTopDownForAPhone() {
        String email = EmailText.of(fixtureAlert());
        String[] lines = email.split("\n");
        assertTrue(lines[0].startsWith("[HIGH] SSH open to the internet on sg-"));
        assertTrue(lines[0].contains("123456789012") && lines[0].contains("us-east-1"), "what and where first");
        assertTrue(email.indexOf("Who:") < email.indexOf("Watchpost:"));
        String undo = "Undo (run in account 123456789012, region us-east-1):";
        assertTrue(email.indexOf("Watchpost:") < email.indexOf(undo));
        assertTrue(email.indexOf(undo) < email.indexOf("Triage:"));
        assertFalse(email.contains("<html"));
    }

    @Test
    void hostileStringsCannotForgeLinesOrGrowWithoutBound() throws Exception {
        Alert alert = hostileAlert();
        String email = EmailText.of(alert);
        assertFalse(email.contains("\r"));
        assertTrue(email.lines().noneMatch(line -> line.startsWith("Subject:")), email);
        assertTrue(email.lines().allMatch(line -> line.length() < 700), "every line is capped");
        SnsMessage message = SnsMessage.of(alert);
        assertFalse(message.subject().contains("\n"));
        JsonNode document = FindingDocument.of(alert);
        assertTrue(document.path("userAgent").asText().length() <= Sanitize.MAX_VALUE_LENGTH);
        assertFalse(document.path("principal").path("arn").asText().contains("\n"));
    }
}
