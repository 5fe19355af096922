package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.requestOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        Finding finding = only(detection, "access/CreateVerifiedAccessEndpoint.tcp-ssh-eni-inferred.json");
        assertEquals("22", finding.context().get("adminPorts"));
        assertEquals("vae-0c1d2e3f4a5b6c7d8", finding.context().get("endpoint"));
        assertEquals("vagr-0a1b2c3d4e5f6a7b8", finding.context().get("group"));
        assertEquals("tcp", finding.context().get("protocol"));
    }

    @Test
    void fires_whenAModifiedPortRangeCoversRdp_readingTheProtocolFromTheResponse() {
        Finding finding = only(detection,
                "access/ModifyVerifiedAccessEndpoint.port-range-covering-rdp-inferred.json");
        assertEquals("3389", finding.context().get("adminPorts"));
        assertEquals("tcp", finding.context().get("protocol"));
    }

    @Test
    void readsAPortChangeWithoutAnyProtocolAsTcp() {
        Finding finding = only(detection, Fixtures.edited(
                "access/ModifyVerifiedAccessEndpoint.port-range-covering-rdp-inferred.json", "/detail",
                detail -> detail.putNull("responseElements")));
        assertTrue(finding.context().get("protocol").contains("read as tcp"));
        assertEquals("vae-0c1d2e3f4a5b6c7d8", finding.context().get("endpoint"));
    }

    @Test
    void readsTheFlatCamelCaseFormWithASinglePort() {
        CloudTrailEvent event = requestOnly("access/CreateVerifiedAccessEndpoint.https-app-inferred.json", """
                {"verifiedAccessGroupId":"vagr-0a1b2c3d4e5f6a7b8",
                 "networkInterfaceOptions":{"protocol":"tcp","port":"3389"}}""");
        assertEquals("3389", only(detection, event).context().get("adminPorts"));
    }

    @ParameterizedTest(name = "ignores {0}")
    @ValueSource(strings = {"access/CreateVerifiedAccessEndpoint.https-app-inferred.json",
            "access/CreateVerifiedAccessEndpoint.tcp-postgres-inferred.json"})
    void ignoresHttpsAndNonAdminTcpPorts(String fixture) {
        assertTrue(findings(detection, fixture).isEmpty());
    }

    @Test
    void usesTheConfiguredAdminPorts() {
        VerifiedAccessAdminPortEndpoint withPostgres = new VerifiedAccessAdminPortEndpoint(
                new DetectionParameters(Set.of(22, 5432), 0, List.of()));
        assertEquals("5432", only(withPostgres, "access/CreateVerifiedAccessEndpoint.tcp-postgres-inferred.json")
                .context().get("adminPorts"));
    }
}
