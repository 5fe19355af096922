package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.alert.AlertSamples;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.wire.SecurityHubWire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security Hub import from the central account of an organization deployment, on the wire: the network function,
 * wired from its environment as in production, imports a member account's finding through the real Security Hub client
 * into the central account's product, and the finding stays the member account's.
 */
class SecurityHubWireTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";

    @AutoClose
    private WireHarness harness;

    private JsonNode onlyImportedFinding() throws Exception {
        List<Request> imports = harness.server.requests(SecurityHubWire.BATCH_IMPORT_FINDINGS);
        assertEquals(1, imports.size(), harness.server.requests().toString());
        JsonNode findings = MAPPER.readTree(imports.getFirst().body()).path("Findings");
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    private void invokeWith(Map<String, String> settings) throws Exception {
        harness = new WireHarness(Family.NETWORK, settings);
        harness.server.on("Publish", SnsWire.published())
                .on(SecurityHubWire.BATCH_IMPORT_FINDINGS, SecurityHubWire.imported(1));
        harness.invoke(AlertSamples.memberEventBytes(SSH, AlertSamples.MEMBER_ACCOUNT, AlertSamples.MEMBER_REGION));
    }

    @Test
    void importsAMembersFindingIntoTheCentralAccountsProduct() throws Exception {
        invokeWith(Map.of(Settings.SECURITY_HUB, "true", Settings.ACCOUNT_ID, AlertSamples.CENTRAL_ACCOUNT,
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN", Wiring.AWS_REGION, "us-east-1"));

        JsonNode finding = onlyImportedFinding();
        assertEquals("arn:aws:securityhub:us-east-1:999999999999:product/999999999999/default",
                finding.path("ProductArn").asText());
        assertEquals("111111111111", finding.path("AwsAccountId").asText());
        assertEquals("eu-west-1", finding.path("Region").asText());
        assertEquals("arn:aws:ec2:eu-west-1:111111111111:security-group/sg-2c53d16ce65dea612",
                finding.path("Resources").get(0).path("Id").asText());
        assertTrue(finding.path("Remediation").path("Recommendation").path("Text").asText()
                .contains("Watchpost would:"), finding.toString());
    }

    @Test
    void importsIntoTheFindingsAccountsProduct_whenTheOwnAccountIsNotConfigured() throws Exception {
        invokeWith(Map.of(Settings.SECURITY_HUB, "true",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN", Wiring.AWS_REGION, "us-east-1"));

        JsonNode finding = onlyImportedFinding();
        assertEquals("arn:aws:securityhub:us-east-1:111111111111:product/111111111111/default",
                finding.path("ProductArn").asText());
        assertEquals("111111111111", finding.path("AwsAccountId").asText());
    }
}
