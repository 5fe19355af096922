package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The channel previews: {@code scan --format slack|chatbot|asff|email} over the whole {@code events/} directory prints
 * one message per finding, in the shape its channel takes, and attacker-written strings stay inert.
 */
class ScanFormatsTest {
    private static final String HOSTILE = "network/AuthorizeSecurityGroupIngress.hostile-strings.json";
    private static List<JsonNode> findings;

    @BeforeAll
    static void scanAsJson() {
        findings = Cli.run("scan", "--format", "json", Fixtures.dir().toString()).findings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "chatbot", "asff"})
    void printsOneJsonDocumentPerFinding(String format) {
        Cli.Result result = Cli.run("scan", "--format", format, Fixtures.dir().toString());

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertEquals(findings.size(), result.findings().size());
    }

    @Test
    void slackMessagesAreBlockKitWithAFallbackText() {
        for (JsonNode message : Cli.run("scan", "--format", "slack", Fixtures.dir().toString()).findings()) {
            assertFalse(message.path("text").asText().isEmpty(), message::toString);
            assertEquals("header", message.at("/blocks/0/type").asText(), message::toString);
            assertTrue(message.path("blocks").size() <= 50, message::toString);
        }
    }

    @Test
    void chatbotNotificationsAreCustomNotificationsThreadedByResource() {
        for (JsonNode notification : Cli.run("scan", "--format", "chatbot", Fixtures.dir().toString()).findings()) {
            assertEquals("1.0", notification.path("version").asText());
            assertEquals("custom", notification.path("source").asText());
            assertFalse(notification.at("/content/title").asText().isEmpty(), notification::toString);
            assertFalse(notification.at("/metadata/threadId").asText().isEmpty(), notification::toString);
        }
    }

    @Test
    void asffFindingsHaveStableIdsFromDetectionAndEvent() {
        Set<String> expected = new HashSet<>();
        findings.forEach(f -> expected.add(f.path("detection").asText() + "/" + f.path("eventId").asText()));
        Set<String> ids = new HashSet<>();
        for (JsonNode finding : Cli.run("scan", "--format", "asff", Fixtures.dir().toString()).findings()) {
            assertEquals("2018-10-08", finding.path("SchemaVersion").asText());
            ids.add(finding.path("Id").asText());
        }
        assertEquals(expected, ids);
    }

    @Test
    void printsOneEmailPerFinding_subjectFirst() {
        Cli.Result result = Cli.run("scan", "--format", "email", Fixtures.dir().toString());

        String[] emails = result.out().split(FindingPrinter.EMAIL_END, -1);
        assertEquals(findings.size() + 1, emails.length, "one end marker per finding");
        for (int i = 0; i < findings.size(); i++) {
            assertTrue(emails[i].strip().startsWith("Subject: ["), emails[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "chatbot"})
    void hostileStringsPingAndLinkNobody(String format) {
        String out = Cli.run("scan", "--format", format, Fixtures.path(HOSTILE).toString()).out();

        assertFalse(out.isBlank());
        for (String control : List.of("<!here>", "<!channel>", "<@U0123ABCD>", "<https://evil.example")) {
            assertFalse(out.contains(control), control + " in " + out);
        }
        assertTrue(out.contains("&lt;!here&gt;"), out);
    }

    @Test
    void rejectsAnUnknownFormat_listingTheKnownOnes() {
        Cli.Result result = Cli.run("scan", "--format", "xml", Fixtures.dir().toString());

        assertEquals(Main.EXIT_USAGE, result.status());
        assertTrue(result.err().contains("expected text, json, slack, chatbot, asff or email"), result.err());
    }
}
