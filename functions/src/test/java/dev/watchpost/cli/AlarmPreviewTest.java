package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.alert.AlarmEmailText;
import dev.watchpost.alert.AlarmNotification;
import dev.watchpost.alert.AlarmSamples;
import dev.watchpost.alert.AlarmSlackMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} previews a CloudWatch alarm notification as each channel gets it, escaped like findings. */
class AlarmPreviewTest {
    private static final String SAMPLE = AlarmSamples.DOCUMENTED.toString();

    private static AlarmNotification documented() {
        return AlarmNotification.from(AlarmSamples.documentedMessage()).orElseThrow();
    }

    @Test
    void printsWhatTheSlackNotifierPosts_forTheDocumentedSnsEnvelope() {
        Cli.Result result = Cli.run("scan", "--format", "slack", SAMPLE);
        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(AlarmSlackMessage.json(documented()) + System.lineSeparator(), result.out());
        assertTrue(result.summary().contains("0 files skipped"), result.summary());
    }

    @Test
    void printsTheMessageItself_forChatbot_whichRendersAlarmsNatively() {
        Cli.Result result = Cli.run("scan", "--format", "chatbot", SAMPLE);
        assertEquals(AlarmSamples.documentedMessage(), AlarmSamples.tree(result.out()));
    }

    @Test
    void printsTheEmailsSubjectAndFacts() {
        Cli.Result result = Cli.run("scan", "--format", "email", SAMPLE);
        assertEquals("Subject: ALARM: \"watchpost-network-alert-failures\" in US East (N. Virginia)\n\n"
                + AlarmEmailText.body(documented()) + FindingPrinter.EMAIL_END + "\n", result.out());
        assertTrue(result.out().contains("Console: https://us-east-1.console.aws.amazon.com/cloudwatch/home"
                + "?region=us-east-1#alarmsV2:alarm/watchpost-network-alert-failures\n"), result.out());
    }

    @Test
    void readsTheBareMessageAsCloudWatchPublishesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("alarm.json");
        Files.writeString(file, AlarmSamples.message("watchpost-audit-throttles", "OK", "ALARM", "throttled"));
        Cli.Result result = Cli.run("scan", file.toString());
        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertTrue(result.out().startsWith("ALARM: \"watchpost-audit-throttles\" in US East (N. Virginia)\n"
                + "  CloudWatch alarm watchpost-audit-throttles: OK -> ALARM"), result.out());
        assertFalse(result.out().contains(" \n"), "no trailing blanks: " + result.out());
    }

    @Test
    void sanitisesTheEmail_soADescriptionCannotForgeALine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("alarm.json");
        Files.writeString(file, AlarmSamples.message("watchpost-audit-errors", "OK", "ALARM",
                "bad\nFrom: security@example.com\u001b[2J"));
        Cli.Result result = Cli.run("scan", "--format", "email", file.toString());
        assertFalse(result.out().contains("\nFrom: security@example.com"), result.out());
        assertFalse(result.out().contains("\u001b"), result.out());
    }

    @Test
    void stillSkipsAJsonObjectThatIsNeitherCloudTrailNorAnAlarm_andAlarmsInAsff(@TempDir Path dir)
            throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"Type\":\"Notification\",\"Message\":\"{\\\"hello\\\":1}\"}");
        Cli.Result result = Cli.run("scan", other.toString());
        assertEquals("", result.out());
        assertTrue(result.summary().contains("1 files skipped"), result.summary());

        Cli.Result asff = Cli.run("scan", "--format", "asff", SAMPLE);
        assertEquals("", asff.out());
        assertTrue(asff.summary().contains("1 files skipped"), asff.summary());
    }
}
