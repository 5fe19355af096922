package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The context each access detection reports, read from both request shapes where EC2's is only inferred. */
class AccessContextTest {
    @ParameterizedTest(name = "an endpoint created in the {0} form reports subnet, groups, preserveClientIp {2}")
    @CsvSource({
            "wrapped, access/CreateInstanceConnectEndpoint.created.json, true",
            "flat camelCase, access/CreateInstanceConnectEndpoint.flat-camel-case.json, false"})
    void endpointCreatedReportsSubnetGroupsAndPreserveClientIp(String form, String fixture, String preserveClientIp) {
        Finding finding = only(new InstanceConnectEndpointCreated(), fixture);
        assertTrue(finding.context().get("subnet").startsWith("subnet-"));
        assertTrue(finding.context().get("securityGroups").startsWith("sg-"));
        assertEquals(preserveClientIp, finding.context().get("preserveClientIp"));
        assertTrue(finding.context().get("endpoint").startsWith("eice-"));
    }

    @Test
    void tunnelReportsEndpointPrivateIpAndStringPort() {
        Finding finding = new InstanceConnectTunnelOpened(DetectionParameters.defaults())
                .evaluate(Fixtures.event("access/OpenTunnel.ssh-tunnel.json")).getFirst();
        assertEquals("22", finding.context().get("remotePort"));
        assertEquals("10.0.1.25", finding.context().get("privateIp"));
        assertEquals(Resource.INSTANCE_CONNECT_ENDPOINT, finding.resources().getFirst().type());
    }

    @Test
    void ssmSessionReportsTargetDocumentAndPort() {
        Finding finding = new SsmSessionStarted(DetectionParameters.defaults())
                .evaluate(Fixtures.event("access/StartSession.port-forwarding.json")).getFirst();
        assertTrue(finding.context().get("target").startsWith("i-"));
        assertEquals("AWS-StartPortForwardingSession", finding.context().get("document"));
        assertEquals("3389", finding.context().get("portNumber"));
        assertFalse(finding.context().containsKey("remoteHost"), "a plain port forward ends on the instance itself");
    }

    @Test
    void ssmSessionToARemoteHostNamesTheHostAndPort() {
        Finding finding = new SsmSessionStarted(DetectionParameters.defaults())
                .evaluate(Fixtures.event("access/StartSession.port-forwarding-remote-host.json")).getFirst();
        String host = "orders-db.cluster-c1x2y3z4.us-east-1.rds.amazonaws.com";
        assertEquals(host, finding.context().get("remoteHost"));
        assertEquals("5432", finding.context().get("portNumber"));
        assertTrue(finding.title().endsWith("forwarding to " + host + ":5432"), finding.title());
        assertEquals("i-0ceb2d1ac0806ee13", finding.resources().getFirst().id());
    }
}
