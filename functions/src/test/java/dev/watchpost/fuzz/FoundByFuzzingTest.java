package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertFacts;
import dev.watchpost.alert.ChatbotNotification;
import dev.watchpost.alert.SnsMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bugs the fuzz tests found, each pinned by an ordinary test named after the behaviour that was broken, so it stays
 * fixed even if the crash file that first showed it is pruned.
 */
class FoundByFuzzingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void smallGzipFileCutShort_stillYieldsTheFindingsBeforeTheCut() throws IOException {
        String event = MAPPER.readTree(Fixtures.bytes("hardening/ModifyInstanceMetadataDefaults.optional.json"))
                .toString();
        String filler = new Random(7).ints(3000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] whole = gzip((event + "\n{\"note\":\"" + filler + "\"}\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("events.jsonl.gz"), Arrays.copyOf(whole, whole.length - 100));

        ScanCommand.Scanned scanned = ScanCommand.scan(file, false);

        assertEquals(1, scanned.status(), "the cut is reported");
        assertEquals(List.of("line 2: could not read: Unexpected end of ZLIB input stream; the rest of the file was "
                + "not read"), scanned.problems());
        assertTrue(scanned.out().contains("hardening.imds-v1-allowed"), () -> "finding lost: " + scanned);
    }

    @Test
    void revokeIsNotPlanned_whenTheEventNamesNoSecurityGroup_butTheAlertStillGoesOut() {
        String event = """
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","eventID":"e-1",
                 "awsRegion":"us-east-1","recipientAccountId":"123456789012",
                 "responseElements":{"securityGroupRuleSet":{"items":[
                   {"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv6":"::/0"}]}}}
                """;

        Alert alert = onlyAlert(event.getBytes(StandardCharsets.UTF_8));

        assertEquals("network.sg-admin-port-open", alert.finding().detection().id());
        assertEquals(Optional.empty(), alert.outcome(), "no group to act on: alert only");
    }

    @Test
    void snsDefaultPart_staysAFindingDocument_whenAnAlertNamesThousandsOfInstances() throws IOException {
        Alert alert = onlyAlert(runInstances(3000));

        JsonNode structure = MAPPER.readTree(SnsMessage.of(alert).message());
        JsonNode document = MAPPER.readTree(structure.path("default").textValue());

        assertEquals("hardening.imds-v1-allowed", document.path("detection").textValue());
        assertEquals(3001, document.path("resources").size() + document.path("resourcesOmitted").intValue());
        assertEquals(3001, document.path("remediation").path("targets").size()
                + document.path("remediation").path("targetsOmitted").intValue());
    }

    /** A RunInstances sample that launched {@code more} more instances allowing IMDSv1. */
    private static byte[] runInstances(int more) throws IOException {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(
                Fixtures.bytes("hardening/RunInstances.imdsv1-optional.json"));
        ArrayNode instances = (ArrayNode) envelope.at("/detail/responseElements/instancesSet/items");
        for (int i = 0; i < more; i++) {
            instances.add(((ObjectNode) instances.get(0).deepCopy()).put("instanceId", "i-0123456789abcdef" + i));
        }
        return MAPPER.writeValueAsBytes(envelope);
    }

    @Test
    void trailRestartIsNotPlanned_whenTheStoppedTrailsNameIsBlank_butTheAlertStillGoesOut() {
        String event = """
                {"eventName":"StopLogging","eventSource":"cloudtrail.amazonaws.com","eventID":"e-2",
                 "awsRegion":"us-east-1","recipientAccountId":"123456789012","requestParameters":{"name":"   "}}
                """;

        Alert alert = onlyAlert(event.getBytes(StandardCharsets.UTF_8));

        assertEquals("audit.trail-logging-stopped", alert.finding().detection().id());
        assertEquals(Optional.empty(), alert.outcome(), "no trail to restart: alert only");
    }

    @Test
    void revokeNamesTheExactPermission_whenTheEventsRuleIdIsBlank() {
        String event = """
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","eventID":"e-3",
                 "awsRegion":"us-east-1","recipientAccountId":"123456789012",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0"},
                 "responseElements":{"securityGroupRuleSet":{"items":[{"securityGroupRuleId":"  ",
                   "groupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":22,"toPort":22,
                   "cidrIpv4":"0.0.0.0/0"}]}}}
                """;

        List<String> targets = onlyAlert(event.getBytes(StandardCharsets.UTF_8)).outcome().orElseThrow().plan()
                .targets();

        assertEquals(List.of("tcp 22 from 0.0.0.0/0"), targets);
    }

    @Test
    void imdsV2IsRequiredOnlyOnNamedInstances_whenAnInstanceIdIsBlank() {
        String event = """
                {"eventName":"RunInstances","eventSource":"ec2.amazonaws.com","eventID":"e-4",
                 "awsRegion":"us-east-1","recipientAccountId":"123456789012",
                 "responseElements":{"instancesSet":{"items":[
                   {"instanceId":" ","metadataOptions":{"httpTokens":"optional"}},
                   {"instanceId":"i-0123456789abcdef0","metadataOptions":{"httpTokens":"optional"}}]}}}
                """;

        List<String> targets = onlyAlert(event.getBytes(StandardCharsets.UTF_8)).outcome().orElseThrow().plan()
                .targets();

        assertEquals(List.of("i-0123456789abcdef0"), targets);
    }

    @Test
    void chatbotDescriptionCutToItsLimit_neverEndsInsideALink() throws IOException {
        String description = ChatbotNotification.of(AlertFacts.of(onlyAlert(runInstances(60)))).path("content")
                .path("description").textValue();

        assertTrue(description.length() <= ChatbotNotification.MAX_DESCRIPTION, "within Chatbot's limit");
        assertEquals(List.of(), SlackText.controlSequences(description), () -> "ends inside a link: "
                + description.substring(description.length() - 300));
    }

    /** The one alert the offline pipeline raises for {@code event}. */
    private static Alert onlyAlert(byte[] event) {
        OfflineWatchpost watchpost = new OfflineWatchpost();
        List<Alert> alerts = watchpost.pipeline.process(event, "test", watchpost.telemetry()).alerts();
        assertEquals(1, alerts.size(), () -> "alerts: " + alerts);
        return alerts.getFirst();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
