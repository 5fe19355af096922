package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceConnectKeyPushedTest {
    private static Finding evaluate(DetectionParameters parameters, String fixture) {
        return new InstanceConnectKeyPushed(parameters).evaluate(Fixtures.event("access/" + fixture + ".json"))
                .getFirst();
    }

    @Test
    void isLowForAnOrdinaryUser() {
        Finding finding = evaluate(DetectionParameters.defaults(), "SendSSHPublicKey.ec2-user");
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("ec2-user", finding.context().get("osUser"));
        assertEquals("yes", finding.context().get("mfa"));
    }

    @Test
    void isHighForRoot() {
        Finding finding = evaluate(DetectionParameters.defaults(), "SendSSHPublicKey.root-user");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("the OS user is root", finding.context().get("raisedBecause"));
    }

    @Test
    void isHighFromOutsideTheTrustedCidrs() {
        DetectionParameters office = new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS, 0,
                List.of(Cidr.parse("192.0.2.128/25").orElseThrow()));
        assertEquals(Severity.HIGH, evaluate(office, "SendSSHPublicKey.ec2-user").severity());
    }

    @Test
    void staysLowFromInsideTheTrustedCidrs() {
        String source = Fixtures.event("access/SendSSHPublicKey.ec2-user.json").sourceIp();
        DetectionParameters office = new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS, 0,
                List.of(Cidr.parse(source + "/32").orElseThrow()));
        assertEquals(Severity.LOW, evaluate(office, "SendSSHPublicKey.ec2-user").severity());
    }

    @Test
    void aDeniedPushIsReportedWithoutRequestParameters() {
        Finding finding = new InstanceConnectKeyDenied()
                .evaluate(Fixtures.event("access/SendSSHPublicKey.access-denied.json")).getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("AccessDenied", finding.context().get("errorCode"));
        assertEquals("not recorded (requestParameters is null)", finding.context().get("instance"));
    }
}
