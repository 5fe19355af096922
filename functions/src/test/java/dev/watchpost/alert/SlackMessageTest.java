package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.JsonStrings;
import dev.watchpost.remediate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackMessageTest {
    private static JsonNode blocks(JsonNode payload) {
        return payload.path("blocks");
    }

    private static String sectionText(JsonNode payload, String heading) {
        for (JsonNode block : blocks(payload)) {
            String text = block.path("text").path("text").asText();
            if (text.startsWith(heading)) {
                return text;
            }
        }
        throw new AssertionError("no section starting with " + heading + " in " + payload);
    }

    @Test
    void headerShowsTheSeverityEmojiAndTitle() {
        JsonNode header = blocks(SlackMessage.of(AlertSamples.sshFacts())).get(0);
        assertEquals("header", header.path("type").asText());
        assertEquals("plain_text", header.path("text").path("type").asText());
        assertTrue(header.path("text").path("text").asText().startsWith(":red_circle: SSH open to the internet on sg-"),
                header.toString());
    }

    @Test
    void fieldsNameAccountRegionResourcePrincipalSourceIpUserAgentTimeDetectionAndOrigin() {
        JsonNode fields = blocks(SlackMessage.of(AlertSamples.sshFacts())).get(1).path("fields");
        List<String> texts = new ArrayList<>();
        fields.forEach(field -> texts.add(field.path("text").asText()));
        assertEquals(List.of("*Account*", "*Region*", "*Resource*", "*Principal*", "*Source IP*", "*User agent*",
                "*Time*", "*Detection*", "*Found by*"),
                texts.stream().map(t -> t.substring(0, t.indexOf('\n'))).toList());
        assertTrue(texts.get(0).endsWith("123456789012"));
        assertTrue(texts.get(2).contains("sg-2c53d16ce65dea612 (AWS::EC2::SecurityGroup)"), texts.get(2));
        assertTrue(texts.get(3).contains("arn:aws:iam::123456789012:user/alice.ops (IAMUser, MFA no)"), texts.get(3));
        assertTrue(texts.get(4).endsWith("198.51.100.23"));
        assertTrue(texts.get(6).contains("<!date^1793614530^"), "a Slack date, shown in the reader's time zone");
        assertTrue(texts.get(6).contains("(seen after 12 s)"), texts.get(6));
        assertTrue(texts.get(8).endsWith("a CloudTrail event"), texts.get(8));
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("applied", ":white_check_mark: *Applied:* Revoke sgr-1 from sg-1 (already revoked)"),
                Arguments.of("planned", ":memo: *Planned, not applied* (DRY_RUN): Revoke sgr-1 from sg-1"),
                Arguments.of("capped", ":memo: *Planned, not applied* (DRY_RUN): Revoke sgr-1 from sg-1 (not "
                        + "enforced: the OUs of account 111111111111 could not be read)"),
                Arguments.of("skipped", ":fast_forward: *Skipped:* exempt by tag watchpost:exempt"),
                Arguments.of("failed", ":x: *Failed:* Revoke sgr-1 from sg-1: UnauthorizedOperation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void saysWhatWatchpostDid(String kind, String expected) {
        Outcome outcome = AlertSamples.outcomes().get(kind);
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE,
                Optional.of(outcome))));
        assertTrue(sectionText(payload, "*What Watchpost did*").contains(expected), payload.toString());
    }

    @Test
    void saysAlertOnly_whenTheDetectionHasNoRemediation() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE,
                Optional.empty())));
        assertTrue(sectionText(payload, "*What Watchpost did*").contains("Alert only"));
        assertTrue(JsonStrings.of(payload).stream().noneMatch(text -> text.contains("*Undo")),
                "no undo without a remediation");
    }

    @Test
    void putsTheUndoCommandInACodeBlock() {
        JsonNode payload = SlackMessage.of(AlertSamples.sshFacts());
        assertEquals("*Undo (run in account 123456789012, region us-east-1)*\n```" + AlertSamples.UNDO + "```",
                sectionText(payload, "*Undo"));
    }

    @Test
    void marksTheUndoCommandAsConditional_whenNothingWasApplied() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.fixtureAlert(AlertSamples.SSH_FIXTURE,
                Optional.of(AlertSamples.outcomes().get("planned")))));
        assertTrue(sectionText(payload, "*Undo").startsWith(
                "*Undo, if applied (run in account 123456789012, region us-east-1)*\n```"));
    }

    @Test
    void listsTheTriageStepsInOrder() {
        JsonNode payload = SlackMessage.of(AlertSamples.sshFacts());
        String triage = sectionText(payload, "*Triage*");
        assertTrue(triage.contains("\n1. ") && triage.contains("\n2. "), triage);
    }

    @Test
    void linksToTheResourceInTheConsoleAndToTheEventInCloudTrail() {
        AlertFacts facts = AlertSamples.sshFacts();
        String links = sectionText(SlackMessage.of(facts), "<https://");
        assertTrue(links.contains("<https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1"
                + "#SecurityGroup:groupId=sg-2c53d16ce65dea612|Open sg-2c53d16ce65dea612 in the console>"), links);
        assertTrue(links.contains("<https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1"
                + "#/events/" + facts.eventId() + "|Event in CloudTrail>"), links);
    }

    @Test
    void colourAndEmojiDifferBySeverity() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.hostile(0)));
        assertEquals("#B00020", payload.path("attachments").get(0).path("color").asText());
        assertTrue(blocks(payload).get(0).path("text").path("text").asText().startsWith(":rotating_light: "));
    }

    @Test
    void hostileStringsShowAsTextAndPingOrLinkNobody() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.hostile(0)));
        AlertSamples.assertNothingForbiddenRaw(payload);
        String all = payload.toString();
        assertTrue(all.contains("&lt;!channel&gt;") && all.contains("&lt;@U123&gt;")
                && all.contains("&lt;https://evil.example|click here&gt;"), "shown escaped");
        assertTrue(all.contains("&amp;"));
        assertEquals(2, all.split("```", -1).length - 1, "only the undo block's own fences: event text opens no code");
    }

    @Test
    void backticksCannotCloseTheUndoCodeBlock() {
        String undo = sectionText(SlackMessage.of(AlertFacts.of(AlertSamples.hostile(0))), "*Undo");
        String inside = undo.substring(undo.indexOf("```") + 3, undo.length() - 3);
        assertTrue(undo.endsWith("```"));
        assertFalse(inside.contains("`"), inside);
        assertTrue(inside.contains(Sanitize.BACKTICK_STAND_IN + "whoami" + Sanitize.BACKTICK_STAND_IN));
    }

    @Test
    void cutsALongTitleToTheHeaderLimitWithAVisibleMarker() {
        String header = blocks(SlackMessage.of(AlertFacts.of(AlertSamples.hostile(5000)))).get(0).path("text")
                .path("text").asText();
        assertEquals(SlackMessage.MAX_HEADER_TEXT, header.length());
        assertTrue(header.endsWith("…"));
    }

    @Test
    void staysWithinSlackLimits_evenWhenEveryHostileValueIsHuge() {
        JsonNode payload = SlackMessage.of(AlertFacts.of(AlertSamples.hostile(20_000)));
        assertTrue(blocks(payload).size() <= SlackMessage.MAX_BLOCKS);
        for (JsonNode block : blocks(payload)) {
            assertTrue(block.path("text").path("text").asText().length() <= SlackMessage.MAX_SECTION_TEXT);
            assertTrue(block.path("fields").size() <= SlackMessage.MAX_FIELDS);
            block.path("fields").forEach(field ->
                    assertTrue(field.path("text").asText().length() <= SlackMessage.MAX_FIELD_TEXT));
        }
        int total = JsonStrings.of(payload).stream().mapToInt(String::length).sum();
        assertTrue(total <= SlackMessage.MAX_MESSAGE_TEXT, "total text " + total);
        String undo = sectionText(payload, "*Undo");
        assertTrue(undo.endsWith("```") && undo.contains(Sanitize.TRUNCATION_MARKER), "cut inside, closed after");
    }

    @Test
    void isTheSameWhetherBuiltFromTheAlertOrFromThePublishedDocument() throws Exception {
        Alert alert = AlertSamples.sshApplied();
        AlertFacts published = AlertFacts.fromDocument(FindingDocument.of(alert));
        assertEquals(SlackMessage.of(AlertFacts.of(alert)), SlackMessage.of(published));
    }
}
