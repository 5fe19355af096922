package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatbotNotificationTest {
    private static final JsonNode SSH = ChatbotNotification.of(AlertSamples.sshFacts());

    @Test
    void hasTheCustomNotificationEnvelope() {
        assertEquals("1.0", SSH.path("version").asText());
        assertEquals("custom", SSH.path("source").asText());
        assertEquals("client-markdown", SSH.path("content").path("textType").asText());
        assertEquals(AlertSamples.sshFacts().dedupKey(), SSH.path("id").asText());
    }

    @Test
    void titleCarriesSeverityAndTitle() {
        assertTrue(SSH.path("content").path("title").asText()
                .startsWith(":red_circle: [HIGH] SSH open to the internet on sg-"), SSH.toString());
    }

    @Test
    void descriptionSaysWhereWhoWhatWatchpostDidAndHowToUndo() {
        String description = SSH.path("content").path("description").asText();
        for (String expected : List.of("*Where:* account 123456789012, region us-east-1",
                "*Who:* arn:aws:iam::123456789012:user/alice.ops (IAMUser, MFA no)", "*From:* 198.51.100.23",
                ":white_check_mark: *Applied:*", "```" + AlertSamples.UNDO + "```", "|Event in CloudTrail>")) {
            assertTrue(description.contains(expected), expected + " missing from " + description);
        }
        assertTrue(description.length() <= ChatbotNotification.MAX_DESCRIPTION);
    }

    @Test
    void nextStepsAreTheTriageSteps() {
        assertEquals(AlertSamples.sshFacts().triage().size(), SSH.path("content").path("nextSteps").size());
        assertTrue(SSH.path("content").path("nextSteps").size() > 0);
    }

    @Test
    void keywordsNameSeverityDetectionFamilyAndOutcome() {
        List<String> keywords = new ArrayList<>();
        SSH.path("content").path("keywords").forEach(k -> keywords.add(k.asText()));
        assertEquals(List.of("HIGH", "network.sg-admin-port-open", "network", "applied"), keywords);
    }

    @Test
    void metadataThreadsByAccountRegionAndResource() {
        JsonNode metadata = SSH.path("metadata");
        assertEquals("123456789012/us-east-1/sg-2c53d16ce65dea612", metadata.path("threadId").asText());
        assertEquals("network.sg-admin-port-open", metadata.path("eventType").asText());
        assertTrue(metadata.path("summary").asText().startsWith("[HIGH] SSH open"));
        assertEquals("sg-2c53d16ce65dea612", metadata.path("relatedResources").get(0).asText());
        assertEquals("applied", metadata.path("additionalContext").path("outcome").asText());
        assertEquals(AlertSamples.sshFacts().eventId(), metadata.path("additionalContext").path("eventId").asText());
    }

    @Test
    void threadIdIsTheSameForEveryOutcomeOnOneResource() {
        JsonNode alertOnly = ChatbotNotification.of(AlertFacts.of(AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE,
                Optional.empty())));
        assertEquals(SSH.path("metadata").path("threadId"), alertOnly.path("metadata").path("threadId"));
    }

    @Test
    void hostileStringsShowAsTextEverywhere_metadataIncluded() {
        JsonNode hostile = ChatbotNotification.of(AlertFacts.of(AlertSamples.hostile(0)));
        AlertSamples.assertNothingForbiddenRaw(hostile);
        String description = hostile.path("content").path("description").asText();
        String undo = description.substring(description.indexOf("```") + 3, description.lastIndexOf("```"));
        assertFalse(undo.contains("`"), undo);
    }

    @Test
    void staysWithinItsCaps_whenValuesAreHuge() {
        JsonNode hostile = ChatbotNotification.of(AlertFacts.of(AlertSamples.hostile(20_000)));
        assertTrue(hostile.path("content").path("title").asText().length() <= ChatbotNotification.MAX_TITLE);
        assertTrue(hostile.path("content").path("description").asText().length()
                <= ChatbotNotification.MAX_DESCRIPTION);
        assertTrue(hostile.path("metadata").path("threadId").asText().length() <= ChatbotNotification.MAX_THREAD_ID);
        hostile.path("metadata").path("additionalContext").forEach(value ->
                assertTrue(value.asText().length() <= ChatbotNotification.MAX_CONTEXT_VALUE));
    }
}
