package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.requestOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/**
 * Verified Access policy changes. {@code PolicyEnabled}/{@code PolicyDocument} are from the API reference; the wrapped
 * {@code Modify…PolicyRequest} form CloudTrail uses is inferred, so the flat form is tested too.
 */
class VerifiedAccessPolicyWeakenedTest {
    private final VerifiedAccessPolicyWeakened detection = new VerifiedAccessPolicyWeakened();

    private static CloudTrailEvent withDocument(String document) throws Exception {
        JsonNode tree = Fixtures.tree("access/ModifyVerifiedAccessEndpointPolicy.conditional-inferred.json");
        ((ObjectNode) tree.at("/detail/requestParameters/ModifyVerifiedAccessEndpointPolicyRequest"))
                .put("PolicyDocument", document);
        ((ObjectNode) tree.path("detail")).putNull("responseElements");
        return CloudTrailEvent.of(tree);
    }

    @Test
    void firesHigh_whenAnEndpointPolicyPermitsWithoutACondition() {
        Finding finding = only(detection, "access/ModifyVerifiedAccessEndpointPolicy.permit-all-inferred.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("vae-0c1d2e3f4a5b6c7d8", finding.context().get("endpoint"));
    }

    @Test
    void firesMedium_whenAGroupPolicyIsTurnedOff() {
        Finding finding = only(detection, "access/ModifyVerifiedAccessGroupPolicy.disabled-inferred.json");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("vagr-0a1b2c3d4e5f6a7b8", finding.context().get("group"));
        assertEquals("false", finding.context().get("policyEnabled"));
    }

    @Test
    void ignoresAPolicyWhosePermitHasACondition() {
        assertTrue(findings(detection, "access/ModifyVerifiedAccessEndpointPolicy.conditional-inferred.json")
                .isEmpty());
    }

    @Test
    void firesOnWhenTrue_andOnOneUnconditionedPermitAmongConditionedOnes() throws Exception {
        assertEquals(1, detection.evaluate(withDocument("permit(principal,action,resource) when { true };")).size());
        assertEquals(1, detection.evaluate(withDocument(
                "permit(principal, action, resource) when { context.idc.groups has \"x\" };\n"
                        + "permit(principal, action, resource);")).size());
    }

    @Test
    void cannotJudgeARedactedDocument() throws Exception {
        assertTrue(detection.evaluate(withDocument("<sensitiveDataRemoved>")).isEmpty());
    }

    @Test
    void readsTheFlatCamelCaseForm() {
        CloudTrailEvent event = requestOnly("access/ModifyVerifiedAccessGroupPolicy.disabled-inferred.json", """
                {"verifiedAccessGroupId":"vagr-1","policyEnabled":"false"}""");
        assertEquals("vagr-1", only(detection, event).context().get("group"));
    }
}
