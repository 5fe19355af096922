package dev.watchpost.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exemption tag as an attack: someone tags a security group exempt and opens SSH on it a moment later. The tag
 * still counts (people do this legitimately), but the alert about the open port must say the same principal set it
 * within the minute; a tag set by someone else, or long before, is only attributed.
 */
class ExemptionAbuseTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TAGGING = "network/CreateTags.exemption-on-sg.json";
    private static final String OPENING = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";

    private final FakeClients clients = new FakeClients();
    private final FakeSns sns = new FakeSns();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final Pipeline pipeline = TestWiring.lambdaPipeline(Family.NETWORK,
            Map.of(Settings.TOPIC_ARN, FixtureDeployment.TOPIC, Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT),
            clients, FakeClients.NO_STS, sns);

    ExemptionAbuseTest() {
        clients.ec2.tag("watchpost:exempt", "bastion for vendor access");
    }

    private JsonNode outcomeOfTheOpening() throws Exception {
        JsonNode last = MAPPER.readTree(MAPPER.readTree(sns.published.getLast().message()).path("default").asText());
        assertEquals("network.sg-admin-port-open", last.path("detection").asText());
        return last.path("outcome");
    }

    private static byte[] taggedBy(String principalArn, String time) throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(TAGGING));
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        ((ObjectNode) detail.get("userIdentity")).put("arn", principalArn);
        detail.put("eventTime", time);
        return MAPPER.writeValueAsBytes(envelope);
    }

    @Test
    void flagsAnExemptionSetByTheOpenerWithinTheMinute() throws Exception {
        pipeline.process(Fixtures.bytes(TAGGING), "tag", telemetry);
        pipeline.process(Fixtures.bytes(OPENING), "open", telemetry);

        JsonNode outcome = outcomeOfTheOpening();
        assertEquals("skipped", outcome.path("status").asText());
        String said = outcome.toString();
        assertTrue(said.contains("SUSPECT EXEMPTION"), said);
        assertTrue(said.contains("arn:aws:iam::123456789012:user/alice.ops"), said);
        assertTrue(said.contains("20 s before"), said);
        assertTrue(clients.ec2.revokes.isEmpty(), "the exemption still holds; the alert is the control");
    }

    static Stream<Arguments> taggingsThatAreNotSuspect() {
        return Stream.of(
                Arguments.of(Named.of("set by someone else", "arn:aws:iam::123456789012:user/bob.sec"),
                        "2026-11-02T10:15:10Z", "set by arn:aws:iam::123456789012:user/bob.sec"),
                Arguments.of(Named.of("the opener set long before", "arn:aws:iam::123456789012:user/alice.ops"),
                        "2026-11-02T09:00:00Z",
                        "set by arn:aws:iam::123456789012:user/alice.ops at 2026-11-02T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taggingsThatAreNotSuspect")
    void onlyAttributesAnExemption(String principalArn, String time, String attribution) throws Exception {
        pipeline.process(taggedBy(principalArn, time), "tag", telemetry);
        pipeline.process(Fixtures.bytes(OPENING), "open", telemetry);

        String said = outcomeOfTheOpening().toString();
        assertFalse(said.contains("SUSPECT"), said);
        assertTrue(said.contains(attribution), said);
    }

    @Test
    void saysNothingMoreWhenThisContainerSawNoTagging() throws Exception {
        pipeline.process(Fixtures.bytes(OPENING), "open", telemetry);

        String said = outcomeOfTheOpening().toString();
        assertTrue(said.contains("exempt by tag watchpost:exempt"), said);
        assertFalse(said.contains("set by"), said);
    }

    @Test
    void alertsOnTheTaggingItself() throws Exception {
        pipeline.process(Fixtures.bytes(TAGGING), "tag", telemetry);

        JsonNode finding = MAPPER.readTree(MAPPER.readTree(sns.published.getFirst().message()).path("default").asText());
        assertEquals("network.exemption-tag-set", finding.path("detection").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice.ops", finding.at("/principal/arn").asText());
    }

    /** The event as a session of one role: the identity is the role, the session name is the caller's to pick. */
    private static byte[] asRoleSession(String fixture, String session) throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(fixture));
        ObjectNode identity = MAPPER.createObjectNode();
        identity.put("type", "AssumedRole");
        identity.put("arn", "arn:aws:sts::123456789012:assumed-role/ops/" + session);
        identity.put("accountId", "123456789012");
        identity.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role")
                .put("arn", "arn:aws:iam::123456789012:role/ops");
        ((ObjectNode) envelope.get("detail")).set("userIdentity", identity);
        return MAPPER.writeValueAsBytes(envelope);
    }

    @Test
    void flagsAnExemptionSetByAnotherSessionOfTheSameRole() throws Exception {
        pipeline.process(asRoleSession(TAGGING, "first"), "tag", telemetry);
        pipeline.process(asRoleSession(OPENING, "second"), "open", telemetry);

        String said = outcomeOfTheOpening().toString();
        assertTrue(said.contains("SUSPECT EXEMPTION: the tag was set by the same identity "
                + "(arn:aws:iam::123456789012:role/ops, from another session: "
                + "arn:aws:sts::123456789012:assumed-role/ops/first)"), said);
        assertTrue(said.contains("as seen by this function instance only"), said);
    }
}
