package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way in (a pushed key, a tunnel, a session) is judged by the same trusted CIDRs. */
class AccessSourceTrustTest {
    static Stream<Arguments> waysIn() {
        return Stream.of(
                Arguments.of(Named.<Function<DetectionParameters, Detection>>of("SendSSHPublicKey",
                        InstanceConnectKeyPushed::new), "access/SendSSHPublicKey.ec2-user.json"),
                Arguments.of(Named.<Function<DetectionParameters, Detection>>of("OpenTunnel",
                        InstanceConnectTunnelOpened::new), "access/OpenTunnel.ssh-tunnel.json"),
                Arguments.of(Named.<Function<DetectionParameters, Detection>>of("StartSession",
                        SsmSessionStarted::new), "access/StartSession.shell.json"),
                Arguments.of(Named.<Function<DetectionParameters, Detection>>of("StartSession to a remote host",
                        SsmSessionStarted::new), "access/StartSession.port-forwarding-remote-host.json"));
    }

    private static DetectionParameters trusting(String cidr) {
        return new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS, 0,
                List.of(Cidr.parse(cidr).orElseThrow()));
    }

    private static Finding evaluate(Function<DetectionParameters, Detection> detection, DetectionParameters parameters,
                                    String fixture) {
        return detection.apply(parameters).evaluate(Fixtures.event(fixture)).getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysIn")
    void isHigh_fromOutsideTheTrustedCidrs(Function<DetectionParameters, Detection> detection, String fixture) {
        Finding finding = evaluate(detection, trusting("10.20.0.0/16"), fixture);
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(SourceTrust.OUTSIDE_TRUSTED_CIDRS, finding.context().get("raisedBecause"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysIn")
    void staysLow_fromInsideTheTrustedCidrs(Function<DetectionParameters, Detection> detection, String fixture) {
        String source = Fixtures.event(fixture).sourceIp();
        Finding finding = evaluate(detection, trusting(source + "/32"), fixture);
        assertEquals(Severity.LOW, finding.severity());
        assertFalse(finding.context().containsKey("raisedBecause"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysIn")
    void staysLow_whenNoTrustedCidrsAreConfigured(Function<DetectionParameters, Detection> detection,
                                                  String fixture) {
        assertEquals(Severity.LOW, evaluate(detection, DetectionParameters.defaults(), fixture).severity());
    }
}
