package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verified Access endpoints. The field names ({@code NetworkInterfaceOptions}, {@code Protocol}, {@code Port},
 * {@code PortRanges} of {@code FromPort}/{@code ToPort}) are from the EC2 API reference; how CloudTrail wraps and
 * cases them is inferred (no public sample), hence fixtures named {@code *-inferred} and the flat-form test here.
 */
class VerifiedAccessAdminPortEndpointTest {
    private final VerifiedAccessAdminPortEndpoint detection =
            new VerifiedAccessAdminPortEndpoint(DetectionParameters.defaults());

    @Test
    void fires_whenATcpEndpointForwardsSsh() {
        Finding finding = detection.evaluate(
                Fixtures.event("access/CreateVerifiedAccessEndpoint.tcp-ssh-eni-inferred.json")).getFirst();
        assertEquals("22", finding.context().get("adminPorts"));
        assertEquals("vae-0c1d2e3f4a5b6c7d8", finding.context().get("endpoint"));
        assertEquals("vagr-0a1b2c3d4e5f6a7b8", finding.context().get("group"));
        assertEquals("tcp", finding.context().get("protocol"));
    }

    @Test
    void fires_whenAModifiedPortRangeCoversRdp_readingTheProtocolFromTheResponse() {
        Finding finding = detection.evaluate(
                Fixtures.event("access/ModifyVerifiedAccessEndpoint.port-range-covering-rdp-inferred.json"))
                .getFirst();
        assertEquals("3389", finding.context().get("adminPorts"));
        assertEquals("tcp", finding.context().get("protocol"));
    }

    @Test
    void readsAPortChangeWithoutAnyProtocolAsTcp() throws Exception {
        JsonNode tree = Fixtures.tree("access/ModifyVerifiedAccessEndpoint.port-range-covering-rdp-inferred.json");
        ((ObjectNode) tree.path("detail")).putNull("responseElements");
        Finding finding = detection.evaluate(CloudTrailEvent.of(tree)).getFirst();
        assertTrue(finding.context().get("protocol").contains("read as tcp"));
        assertEquals("vae-0c1d2e3f4a5b6c7d8", finding.context().get("endpoint"));
    }

    @Test
    void readsTheFlatCamelCaseFormWithASinglePort() throws Exception {
        JsonNode tree = Fixtures.tree("access/CreateVerifiedAccessEndpoint.https-app-inferred.json");
        ObjectNode detail = (ObjectNode) tree.path("detail");
        detail.putNull("responseElements");
        ObjectNode request = detail.putObject("requestParameters");
        request.put("verifiedAccessGroupId", "vagr-0a1b2c3d4e5f6a7b8");
        request.putObject("networkInterfaceOptions").put("protocol", "tcp").put("port", "3389");
        assertEquals("3389", detection.evaluate(CloudTrailEvent.of(tree)).getFirst().context().get("adminPorts"));
    }

    @Test
    void ignoresHttpsAndNonAdminTcpPorts() {
        assertTrue(detection.evaluate(
                Fixtures.event("access/CreateVerifiedAccessEndpoint.https-app-inferred.json")).isEmpty());
        assertTrue(detection.evaluate(
                Fixtures.event("access/CreateVerifiedAccessEndpoint.tcp-postgres-inferred.json")).isEmpty());
    }

    @Test
    void usesTheConfiguredAdminPorts() {
        VerifiedAccessAdminPortEndpoint withPostgres = new VerifiedAccessAdminPortEndpoint(
                new DetectionParameters(Set.of(22, 5432), 0, List.of()));
        assertEquals("5432", withPostgres.evaluate(
                Fixtures.event("access/CreateVerifiedAccessEndpoint.tcp-postgres-inferred.json")).getFirst()
                .context().get("adminPorts"));
    }

    @Test
    void ignoresADryRunAndAFailedCall() {
        assertTrue(detection.evaluate(Fixtures.event("access/CreateVerifiedAccessEndpoint.dry-run.json")).isEmpty());
        assertTrue(detection.evaluate(Fixtures.event("access/CreateVerifiedAccessEndpoint.failed.json")).isEmpty());
    }
}
