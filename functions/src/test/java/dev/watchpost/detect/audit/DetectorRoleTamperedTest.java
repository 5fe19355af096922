package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.evaluate;
import static dev.watchpost.detect.audit.TamperFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorRoleTamperedTest {
    private final DetectorRoleTampered detection = new DetectorRoleTampered(Fixtures.parameters());

    @ParameterizedTest
    @CsvSource({
            "PutRolePolicy.function-role, watchpost-audit-us-east-1",
            "AttachRolePolicy.member-role, watchpost-member-network",
            "DetachRolePolicy.function-role, watchpost-network-eu-west-1",
            "DeleteRolePolicy.function-role, watchpost-audit-us-east-1",
            "UpdateAssumeRolePolicy.forwarder-role, watchpost-forwarder",
            "DeleteRole.function-role, watchpost-hardening-us-east-1",
            "PutRolePermissionsBoundary.function-role, watchpost-audit-us-east-1",
            "DeleteRolePermissionsBoundary.member-role, watchpost-member-hardening"})
    void isCritical_whenAWatchpostRoleIsChanged(String fixture, String role) {
        Finding finding = only(detection, fixture);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(role, finding.context().get("resource"));
    }

    @Test
    void staysCritical_whenAnotherStackAttachesAPolicyToAWatchpostRole() {
        assertEquals(Severity.CRITICAL, only(detection, "PutRolePolicy.another-stack").severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PutRolePolicy.other-role", "PutRolePolicy.failed"})
    void ignoresOtherRolesAndFailedCalls(String fixture) {
        assertTrue(evaluate(detection, fixture).isEmpty());
    }
}
