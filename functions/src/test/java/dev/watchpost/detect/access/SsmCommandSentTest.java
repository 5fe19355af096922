package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SendCommand as CloudTrail records it: the request's {@code instanceIds}/{@code targets}/{@code documentName} and the
 * response's {@code command}. The request keys follow SSM's JSON API; the response shape is inferred from the API's
 * {@code Command} structure (no public CloudTrail sample of it was found).
 */
class SsmCommandSentTest {
    private final SsmCommandSent detection = new SsmCommandSent();

    private static CloudTrailEvent withDocument(String fixture, String document) throws Exception {
        return Fixtures.edited(fixture, "/detail/requestParameters",
                node -> node.put("documentName", document));
    }

    @Test
    void ratesAShellDocumentHigh_andNamesEveryInstance() {
        Finding finding = detection.evaluate(Fixtures.event("access/SendCommand.run-shell-script.json")).getFirst();
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("AWS-RunShellScript", finding.context().get("document"));
        assertEquals(2, finding.resources().stream().filter(r -> r.type().equals(Resource.INSTANCE)).count());
        assertTrue(finding.context().get("commandId").startsWith("5e2a1c9e"));
        assertTrue(finding.title().contains("AWS-RunShellScript"), finding.title());
    }

    @Test
    void ratesPowerShellHigh() throws Exception {
        Finding finding = detection.evaluate(withDocument("access/SendCommand.run-shell-script.json",
                "AWS-RunPowerShellScript")).getFirst();
        assertEquals(Severity.HIGH, finding.severity());
    }

    @Test
    void ratesAwsOwnedPatchingLow_andNamesTagTargets() {
        Finding finding = detection.evaluate(Fixtures.event("access/SendCommand.patch-baseline-tag-targets.json"))
                .getFirst();
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("tag:PatchGroup=web", finding.context().get("targets"));
        assertTrue(finding.title().endsWith("tag:PatchGroup=web"), finding.title());
    }

    @Test
    void ratesTheAccountsOwnOrASharedDocumentMedium() throws Exception {
        assertEquals(Severity.MEDIUM, detection.evaluate(withDocument("access/SendCommand.run-shell-script.json",
                "Ops-Deploy")).getFirst().severity());
        assertEquals(Severity.MEDIUM, detection.evaluate(withDocument("access/SendCommand.run-shell-script.json",
                "arn:aws:ssm:us-east-1:210987654321:document/AWS-Lookalike")).getFirst().severity());
    }

    @Test
    void ratesAShellDocumentNamedByArnHigh() throws Exception {
        assertEquals(Severity.HIGH, detection.evaluate(withDocument("access/SendCommand.run-shell-script.json",
                "arn:aws:ssm:us-east-1::document/AWS-RunShellScript")).getFirst().severity());
    }

    @Test
    void readsDocumentAndInstancesFromTheResponse_whenTheRequestHasNone() throws Exception {
        CloudTrailEvent event = Fixtures.edited("access/SendCommand.run-shell-script.json", "/detail/requestParameters",
                request -> request.remove(List.of("documentName", "instanceIds")));
        Finding finding = detection.evaluate(event).getFirst();
        assertEquals("AWS-RunShellScript", finding.context().get("document"));
        assertEquals(2, finding.resources().size());
    }

    @Test
    void ignoresAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("access/SendCommand.failed.json")).isEmpty());
    }

    @Test
    void firesWithoutCrashing_whenRequestAndResponseAreNull() throws Exception {
        JsonNode tree = Fixtures.tree("access/SendCommand.run-shell-script.json");
        ((ObjectNode) tree.path("detail")).putNull("requestParameters");
        ((ObjectNode) tree.path("detail")).putNull("responseElements");
        Finding finding = detection.evaluate(CloudTrailEvent.of(tree)).getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertTrue(finding.resources().isEmpty());
    }
}
