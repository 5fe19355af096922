package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.JsonStrings;
import dev.watchpost.alert.AlertSamples.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each attacker-chosen field × each channel: the hostile text arrives as inert text, or not at all. */
class HostileInputTest {
    enum Channel { SLACK, CHATBOT, EMAIL, ASFF }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Field field : Field.values()) {
            for (Channel channel : Channel.values()) {
                cases.add(Arguments.of(field, channel));
            }
        }
        return cases.stream();
    }

    private static List<String> texts(Channel channel, AlertFacts facts) {
        return switch (channel) {
            case SLACK -> JsonStrings.of(SlackMessage.of(facts));
            case CHATBOT -> JsonStrings.of(ChatbotNotification.of(facts));
            case EMAIL -> List.of(EmailText.of(facts));
            case ASFF -> JsonStrings.of(SdkJson.of(AsffFinding.of(facts)));
        };
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("matrix")
    void hostileTextIsInert(Field field, Channel channel) {
        AlertFacts facts = AlertFacts.of(AlertSamples.hostile(Set.of(field), 0));
        List<String> texts = texts(channel, facts);
        String all = String.join("\n", texts);
        for (String text : texts) {
            assertFalse(text.contains("\r"), "a carriage return survived in " + text);
        }
        switch (channel) {
            case SLACK, CHATBOT -> {
                for (String raw : AlertSamples.FORBIDDEN_RAW) {
                    assertFalse(all.contains(raw), raw + " survived in " + all);
                }
                assertTrue(all.contains("&lt;@U123&gt;"), field + " is shown, escaped, somewhere in " + all);
                assertTrue(all.split("```", -1).length - 1 <= 2, "event text opens no code block: " + all);
            }
            case EMAIL -> assertTrue(all.lines().noneMatch(line -> line.startsWith("Subject:")),
                    "no forged header line: " + all);
            case ASFF -> assertTrue(texts.stream().noneMatch(text -> text.chars().anyMatch(Character::isISOControl)),
                    "no control characters: " + all);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void aHugeHostileAlertStillFormats(Channel channel) {
        AlertFacts facts = AlertFacts.of(AlertSamples.hostile(50_000));
        assertFalse(texts(channel, facts).isEmpty());
    }

    static Stream<Channel> channels() {
        return Stream.of(Channel.values());
    }
}
