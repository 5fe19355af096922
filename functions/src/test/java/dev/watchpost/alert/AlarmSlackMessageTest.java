package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.JsonStrings;
import org.junit.jupiter.api.Test;

class AlarmSlackMessageTest {
    private static AlarmNotification alarm(String name, String oldState, String newState, String description) {
        return AlarmNotification.from(AlarmSamples.tree(AlarmSamples.message(name, oldState, newState, description)))
                .orElseThrow();
    }

    @Test
    void saysWhichAlarmFiredWhereAndWhen_withWhatItMeansAndAConsoleLink() {
        JsonNode payload = AlarmSlackMessage.of(AlarmNotification.from(AlarmSamples.documentedMessage())
                .orElseThrow());
        assertEquals("[ALARM] watchpost-network-alert-failures (123456789012/us-east-1)", payload.path("text").asText());
        assertEquals(":rotating_light: ALARM: watchpost-network-alert-failures",
                payload.path("blocks").path(0).path("text").path("text").asText());
        String fields = payload.path("blocks").path(1).path("fields").toString();
        assertTrue(fields.contains("OK → ALARM"), fields);
        assertTrue(fields.contains("123456789012"), fields);
        assertTrue(fields.contains("us-east-1 (US East (N. Virginia))"), fields);
        assertTrue(fields.contains("<!date^1793614831^"), fields);
        assertTrue(fields.contains("Watchpost/AlertFailures"), fields);
        String all = String.join("\n", JsonStrings.of(payload));
        assertTrue(all.contains("*What it means*\nWatchpost network could not send an alert"), all);
        assertTrue(all.contains("*Reason*\nThreshold Crossed"), all);
        assertTrue(all.contains("<https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#alarmsV2:alarm/watchpost-network-alert-failures|Open the alarm in the CloudWatch console>"), all);
        assertEquals(AlarmSlackMessage.FIRING_COLOR, payload.path("attachments").path(0).path("color").asText());
    }

    @Test
    void saysResolvedInGreen_whenTheAlarmReturnsToOk() {
        JsonNode payload = AlarmSlackMessage.of(alarm("watchpost-audit-detection-errors", "ALARM", "OK", "d"));
        assertEquals(":white_check_mark: OK (resolved): watchpost-audit-detection-errors",
                payload.path("blocks").path(0).path("text").path("text").asText());
        assertEquals(AlarmSlackMessage.RESOLVED_COLOR, payload.path("attachments").path(0).path("color").asText());
    }

    @Test
    void escapesEveryValueLikeAFinding_soNothingPingsLinksOrOpensCode() {
        JsonNode payload = AlarmSlackMessage.of(alarm("watchpost-x <!channel>", "OK", "ALARM <@U123>",
                "see <https://evil.example|here> ```rm -rf``` & more\nforged line"));
        for (String text : JsonStrings.of(payload)) {
            assertFalse(text.contains("<!channel>"), text);
            assertFalse(text.contains("<@U123>"), text);
            assertFalse(text.contains("<https://evil.example"), text);
            assertFalse(text.contains("`"), text);
            assertFalse(text.contains("forged line") && text.contains("\nforged line"), text);
        }
        String all = String.join("\n", JsonStrings.of(payload));
        assertTrue(all.contains("&lt;!channel&gt;"), all);
        assertTrue(all.contains("&amp; more"), all);
    }
}
