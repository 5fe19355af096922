package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/** Trust provider removal; the wrapped request form is inferred (no public sample), so the flat one is read too. */
class VerifiedAccessTrustProviderRemovedTest {
    private final VerifiedAccessTrustProviderRemoved detection = new VerifiedAccessTrustProviderRemoved();

    @Test
    void namesProviderAndInstance_whenDetached() {
        Finding finding = detection.evaluate(
                Fixtures.event("access/DetachVerifiedAccessTrustProvider.detached-inferred.json")).getFirst();
        assertEquals("vatp-0e1f2a3b4c5d6e7f8", finding.context().get("trustProvider"));
        assertEquals("vai-0d1e2f3a4b5c6d7e8", finding.context().get("verifiedAccessInstance"));
        assertEquals("detached", finding.context().get("change"));
    }

    @Test
    void reportsADeletion() {
        assertEquals("deleted", detection.evaluate(
                Fixtures.event("access/DeleteVerifiedAccessTrustProvider.deleted-inferred.json")).getFirst()
                .context().get("change"));
    }

    @Test
    void readsTheFlatCamelCaseForm() throws Exception {
        JsonNode tree = Fixtures.tree("access/DeleteVerifiedAccessTrustProvider.deleted-inferred.json");
        ((ObjectNode) tree.path("detail")).putObject("requestParameters")
                .put("verifiedAccessTrustProviderId", "vatp-1");
        assertEquals("vatp-1", detection.evaluate(CloudTrailEvent.of(tree)).getFirst().context().get("trustProvider"));
    }

    @Test
    void ignoresADryRunAndAFailedCall() {
        assertTrue(detection.evaluate(
                Fixtures.event("access/DetachVerifiedAccessTrustProvider.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(
                Fixtures.event("access/DeleteVerifiedAccessTrustProvider.failed.json")).isEmpty());
    }
}
