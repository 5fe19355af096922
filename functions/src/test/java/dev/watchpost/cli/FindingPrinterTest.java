package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two output formats, as a user sees them on stdout. */
class FindingPrinterTest {
    @Test
    void printsOneTextBlockWithEveryField() {
        Cli.Result result = Cli.run("scan", Fixtures.path(Fixtures.ONE_OF_SEVERAL).toString());

        assertEquals("""
                HIGH  network.sg-admin-port-open
                  SSH open to the internet on sg-bd7aac28a276d9176
                  resource:     sg-bd7aac28a276d9176 (AWS::EC2::SecurityGroup), sgr-92737195447fa6874 (AWS::EC2::SecurityGroupRule)
                  principal:    arn:aws:iam::123456789012:user/carol.platform
                  source IP:    198.51.100.9
                  time:         2026-11-02T10:15:30Z
                  event:        0df6234c-065a-481a-9948-987652cb56a1 (AuthorizeSecurityGroupIngress in account 123456789012, region us-east-1)
                  remediation:  revoke-security-group-rules, Planned (ENFORCE): Revoke sgr-92737195447fa6874 from sg-bd7aac28a276d9176
                """, result.out());
    }

    @Test
    void showsAPlanLeftToAPerson_asSuch_notAsItsTargets() {
        Cli.Result result = Cli.run("scan",
                Fixtures.path("network/AuthorizeSecurityGroupIngress.no-protocol-hand-made.json").toString());

        assertTrue(result.out().contains("  remediation:  revoke-security-group-rules, Planned (ENFORCE): Revoke by "
                + "hand from sg-47fa3462b01b875a7: all traffic from 0.0.0.0/0 (protocol not stated in the event)\n"),
                result.out());
    }

    @Test
    void separatesTextBlocksWithOneBlankLine() {
        Cli.Result result = Cli.run("scan", Fixtures.path(Fixtures.WORLD_SSH).toString(),
                Fixtures.path(Fixtures.WORLD_RDP).toString());

        String[] blocks = result.out().split("\n\n");
        assertEquals(2, blocks.length, result.out());
        assertTrue(blocks[0].startsWith("HIGH  network.sg-admin-port-open\n  SSH open"), blocks[0]);
        assertTrue(blocks[1].startsWith("HIGH  network.sg-admin-port-open\n  RDP open"), blocks[1]);
        assertFalse(result.out().endsWith("\n\n"), result.out());
    }

    @Test
    void saysWhyInText_whenTheRemediationIsSkipped() {
        Cli.Result result = Cli.run(Map.of("WATCHPOST_REMEDIATION_MODES", "network.sg-admin-port-open=OFF"),
                "scan", Fixtures.path(Fixtures.WORLD_SSH).toString());

        assertTrue(result.out().contains("  remediation:  revoke-security-group-rules, Skipped: remediation is OFF for "
                + "network.sg-admin-port-open\n"), result.out());
    }

    @Test
    void replacesControlCharactersFromTheEvent_inText(@TempDir Path dir) throws IOException {
        ObjectNode envelope = (ObjectNode) Fixtures.envelope(Fixtures.WORLD_SSH);
        ((ObjectNode) envelope.get("detail").get("userIdentity")).put("arn", "arn:aws:iam::123456789012:user/x\u001b[2J\nforged: line");
        Path file = Files.writeString(dir.resolve("crafted.json"), envelope.toString());

        Cli.Result result = Cli.run("scan", file.toString());

        assertTrue(result.out().contains("  principal:    arn:aws:iam::123456789012:user/x [2J forged: line\n"),
                result.out());
        assertFalse(result.out().contains("\u001b"), result.out());
    }

    @Test
    void printsOneFindingDocumentPerLine_inJson() {
        Cli.Result result = Cli.run("scan", "--format", "json", Fixtures.path(Fixtures.WORLD_SSH).toString(),
                Fixtures.path(Fixtures.MODIFY_WORLD_SSH).toString());

        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        JsonNode first = result.findings().getFirst();
        assertEquals(1, first.get("schemaVersion").asInt());
        assertEquals("network.sg-admin-port-open", first.get("detection").asText());
        assertEquals("HIGH", first.get("severity").asText());
        assertEquals(Fixtures.eventId(Fixtures.WORLD_SSH), first.get("eventId").asText());
        assertEquals("AuthorizeSecurityGroupIngress", first.get("eventName").asText());
        assertEquals("2026-11-02T10:15:30Z", first.get("eventTime").asText());
        assertEquals("123456789012", first.get("account").asText());
        assertEquals("us-east-1", first.get("region").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice.ops", first.get("principal").get("arn").asText());
        assertEquals("sg-2c53d16ce65dea612", first.get("resources").get(0).get("id").asText());
        assertEquals("revoke-security-group-rules", first.get("remediation").get("action").asText());
        assertEquals("ModifySecurityGroupRules", result.findings().get(1).get("eventName").asText());
    }

    @Test
    void printsNothingOnStdout_whenThereIsNoFinding() {
        Cli.Result result = Cli.run("scan", "--format", "json", Fixtures.path(Fixtures.NARROW_CIDR).toString());

        assertEquals("", result.out());
    }
}
