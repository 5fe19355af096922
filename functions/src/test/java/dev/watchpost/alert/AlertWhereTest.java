package dev.watchpost.alert;

import static dev.watchpost.alert.AlertSamples.MEMBER_ACCOUNT;
import static dev.watchpost.alert.AlertSamples.MEMBER_REGION;
import static dev.watchpost.alert.AlertSamples.MEMBER_UNDO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An alert about an event forwarded from another account and region of the organization names that account and region
 * in every channel, and every undo command says where to run it.
 */
class AlertWhereTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String WHERE = "account 111111111111, region eu-west-1";
    private static final String UNDO_HEADING = "Undo (run in " + WHERE + ")";

    private final Alert member = AlertSamples.memberApplied();

    @Test
    void wordsAccountAndRegionOnce_withUnknownForWhatTheEventDoesNotSay() {
        assertEquals(WHERE, new Where(MEMBER_ACCOUNT, MEMBER_REGION).words());
        assertEquals("111111111111/eu-west-1", new Where(MEMBER_ACCOUNT, MEMBER_REGION).brief());
        assertEquals("account unknown, region unknown", new Where("", " ").words());
        assertEquals("Undo, if applied (run in " + WHERE + ")",
                new Where(MEMBER_ACCOUNT, MEMBER_REGION).undoHeading(AlertFacts.Status.PLANNED));
    }

    @Test
    void capsAndSanitisesWhatTheEventSays() {
        String words = new Where("1\r\nSubject: forged " + "9".repeat(500), MEMBER_REGION).words();
        assertFalse(words.contains("\n") || words.contains("\r"), words);
        assertTrue(words.length() < Where.MAX_VALUE * 2 + 20, words);
    }

    @Test
    void findingDocumentCarriesTheMemberAccountAndRegion() {
        JsonNode document = FindingDocument.of(member);
        assertEquals(MEMBER_ACCOUNT, document.path("account").asText());
        assertEquals(MEMBER_REGION, document.path("region").asText());
        assertEquals(MEMBER_UNDO, document.path("remediation").path("undoCommand").asText());
    }

    @Test
    void emailSaysWhereOnItsFirstLine_andWhereToRunTheUndo() {
        List<String> lines = EmailText.of(member).lines().toList();
        assertTrue(lines.getFirst().endsWith("(" + WHERE + ")"), lines.getFirst());
        int undo = lines.indexOf(UNDO_HEADING + ":");
        assertTrue(undo > 0, String.join("\n", lines));
        assertEquals("  " + MEMBER_UNDO, lines.get(undo + 1), "the command itself is unchanged");
    }

    @Test
    void emailMarksTheUndoAsConditional_whenNothingWasApplied() {
        Alert planned = AlertSamples.memberAlert(MEMBER_ACCOUNT, MEMBER_REGION,
                Optional.of(AlertSamples.outcomes().get("planned")));
        assertTrue(EmailText.of(planned).contains("\nUndo, if applied (run in " + WHERE + "):\n  "),
                EmailText.of(planned));
    }

    @Test
    void snsSubjectAndAttributesNameTheMemberAccountAndRegion() throws Exception {
        SnsMessage message = SnsMessage.of(member);
        assertTrue(message.subject().endsWith("(111111111111/eu-west-1)"), message.subject());
        assertEquals(MEMBER_ACCOUNT, message.attributes().get("account"));
        assertEquals(MEMBER_REGION, message.attributes().get("region"));
        String email = MAPPER.readTree(message.message()).path("email").asText();
        assertTrue(email.contains(UNDO_HEADING + ":\n  " + MEMBER_UNDO), email);
    }

    @Test
    void slackShowsTheMemberAccountAndRegion_andWhereToRunTheUndo() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(member));
        List<String> fields = new ArrayList<>();
        payload.path("blocks").get(1).path("fields").forEach(field -> fields.add(field.path("text").asText()));
        assertTrue(fields.contains("*Account*\n" + MEMBER_ACCOUNT), fields.toString());
        assertTrue(fields.contains("*Region*\n" + MEMBER_REGION), fields.toString());
        assertTrue(payload.path("text").asText().endsWith("(111111111111/eu-west-1)"));
        assertTrue(blockTexts(payload).contains("*" + UNDO_HEADING + "*\n```" + MEMBER_UNDO + "```"),
                payload.toString());
    }

    @Test
    void chatbotSaysWhere_andWhereToRunTheUndo() {
        JsonNode notification = ChatbotNotification.of(AlertFacts.of(member));
        String description = notification.path("content").path("description").asText();
        assertTrue(description.startsWith("*Where:* " + WHERE + "\n"), description);
        assertTrue(description.contains("*" + UNDO_HEADING + "*\n```" + MEMBER_UNDO + "```"), description);
        JsonNode metadata = notification.path("metadata");
        assertTrue(metadata.path("summary").asText().endsWith("(111111111111/eu-west-1)"));
        assertEquals(MEMBER_ACCOUNT, metadata.path("additionalContext").path("account").asText());
        assertEquals(MEMBER_REGION, metadata.path("additionalContext").path("region").asText());
    }

    @Test
    void asffRecommendationSaysWhereToRunTheUndo() {
        String text = AsffFinding.of(AlertFacts.of(member)).remediation().recommendation().text();
        assertTrue(text.contains("undo it in " + WHERE + " with the command in ProductFields"), text);
    }

    @Test
    void aHostileAccountPingsNobodyAndForgesNoLine() {
        Alert hostile = AlertSamples.memberAlert("<!channel> \r\nSubject: forged", MEMBER_REGION,
                AlertSamples.memberApplied().outcome());
        assertTrue(EmailText.of(hostile).lines().noneMatch(line -> line.startsWith("Subject:")));
        for (String text : blockTexts(SlackMessage.of(AlertFacts.of(hostile)))) {
            assertFalse(text.contains("<!channel>"), text);
        }
        assertFalse(ChatbotNotification.of(AlertFacts.of(hostile)).path("content").path("description").asText()
                .contains("<!channel>"));
    }

    private static List<String> blockTexts(JsonNode payload) {
        List<String> texts = new ArrayList<>();
        payload.path("blocks").forEach(block -> texts.add(block.path("text").path("text").asText()));
        return texts;
    }
}
