package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.Fixtures;
import dev.watchpost.JsonStrings;
import dev.watchpost.detect.Finding;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/** Every channel formats the finding of every fixture that fires, in every family, within its limits. */
class ChannelCorpusTest {
    static Stream<String> firing() {
        return Fixtures.expectations().entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firing")
    void everyChannelFormatsTheFinding(String fixture) {
        Finding finding = AlertSamples.fixtureFinding(fixture);
        AlertFacts facts = AlertFacts.of(new Alert(finding, Optional.empty(), AlertSamples.HANDLED));

        JsonNode slack = SlackMessage.of(facts);
        assertEquals("header", slack.path("blocks").get(0).path("type").asText());
        assertTrue(slack.path("blocks").get(0).path("text").path("text").asText().length()
                <= SlackMessage.MAX_HEADER_TEXT);
        assertTrue(JsonStrings.of(slack).stream().mapToInt(String::length).sum()
                <= SlackMessage.MAX_MESSAGE_TEXT);

        JsonNode chatbot = ChatbotNotification.of(facts);
        assertTrue(chatbot.path("metadata").path("threadId").asText().startsWith(finding.event().account() + "/"));
        assertEquals(finding.detection().id(), chatbot.path("metadata").path("eventType").asText());

        AwsSecurityFinding asff = AsffFinding.of(facts);
        assertTrue(asff.awsAccountId().matches("\\d{12}"), asff.awsAccountId());
        assertFalse(asff.types().isEmpty());
        assertFalse(asff.resources().isEmpty());
        assertTrue(asff.description().length() <= AsffFinding.MAX_DESCRIPTION);

        String email = EmailText.of(facts);
        String first = email.lines().findFirst().orElseThrow();
        assertTrue(first.contains(finding.event().account()) && first.contains(finding.event().region()), first);
    }
}
