package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A remediation calls only the IAM actions it declares, since infra grants exactly those: every fixture goes through
 * a pipeline that enforces every remediation against recording fakes, and each call the fakes saw must be declared by
 * a remediation of a detection that fired. A call added to a remediation without its action fails here, not with
 * {@code AccessDenied} in an account.
 */
class DeclaredActionsTest {
    static Stream<String> fixtures() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyCallIsAnActionTheFiringRemediationDeclares(String fixture) {
        EnforcingPipeline enforcing = new EnforcingPipeline();
        Set<String> fired = new TreeSet<>();
        for (Alert alert : enforcing.pipeline.process(Fixtures.bytes(fixture), fixture, enforcing.telemetry).alerts()) {
            fired.add(alert.finding().detection().id());
        }
        Set<String> declared = new TreeSet<>();
        for (RemediationInfo info : Remediations.catalog()) {
            if (fired.contains(info.detectionId())) {
                declared.addAll(info.iamActions());
            }
        }
        Set<String> called = new TreeSet<>();
        enforcing.clients.ec2.calls.forEach(request -> called.add("ec2:" + operation(request)));
        enforcing.clients.cloudTrail.started.forEach(trail -> called.add("cloudtrail:StartLogging"));
        assertTrue(declared.containsAll(called), "called " + called + ", declared " + declared);
    }

    /** {@code RevokeSecurityGroupIngressRequest} → {@code RevokeSecurityGroupIngress}. */
    private static String operation(Object request) {
        return request.getClass().getSimpleName().replaceFirst("Request$", "");
    }
}
