package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertFactsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static ObjectNode document() {
        return FindingDocument.of(AlertSamples.sshApplied());
    }

    @Test
    void readsEverythingBackFromThePublishedDocument() throws Exception {
        AlertFacts facts = AlertFacts.fromDocument(MAPPER.readTree(FindingDocument.json(AlertSamples.sshApplied())));
        assertEquals("network.sg-admin-port-open", facts.detection());
        assertEquals("network", facts.family());
        assertEquals("arn:aws:iam::123456789012:user/alice.ops", facts.principal().arn());
        assertEquals("sg-2c53d16ce65dea612", facts.primaryResource().orElseThrow().id());
        assertEquals(AlertFacts.Status.APPLIED, facts.response().orElseThrow().status());
        assertEquals("already revoked", facts.response().orElseThrow().detail());
        assertEquals(AlertSamples.UNDO, facts.response().orElseThrow().undoCommand());
        assertEquals(Optional.of(Duration.ofSeconds(12)), facts.delay());
        assertTrue(facts.triage().size() >= 2);
        assertTrue(facts.context().containsKey("exposedPorts"));
    }

    @Test
    void hasNoResponse_whenTheDetectionHasNoRemediation() throws Exception {
        Alert alert = AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE, Optional.empty());
        assertTrue(AlertFacts.fromDocument(FindingDocument.of(alert)).response().isEmpty());
    }

    @Test
    void rejectsAnotherSchemaVersion() {
        ObjectNode document = document().put("schemaVersion", 2);
        MalformedAlertException error = assertThrows(MalformedAlertException.class,
                () -> AlertFacts.fromDocument(document));
        assertTrue(error.getMessage().contains("schemaVersion"), error.getMessage());
    }

    @Test
    void rejectsADocumentWithoutADetection() {
        ObjectNode document = document();
        document.remove("detection");
        assertThrows(MalformedAlertException.class, () -> AlertFacts.fromDocument(document));
    }

    @Test
    void rejectsAnUnknownSeverity() {
        ObjectNode document = document().put("severity", "URGENT");
        assertThrows(MalformedAlertException.class, () -> AlertFacts.fromDocument(document));
    }

    @Test
    void rejectsAnUnknownOutcomeStatus() {
        ObjectNode document = document();
        ((ObjectNode) document.path("outcome")).put("status", "maybe");
        assertThrows(MalformedAlertException.class, () -> AlertFacts.fromDocument(document));
    }

    @Test
    void rejectsSomethingThatIsNotAnObject() {
        assertThrows(MalformedAlertException.class, () -> AlertFacts.fromDocument(MAPPER.createArrayNode()));
    }
}
