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

class CentralWiringTamperedTest {
    private final CentralWiringTampered detection = new CentralWiringTampered(Fixtures.parameters());

    @ParameterizedTest
    @CsvSource({
            "DeleteEventBus.central-bus, AWS::Events::EventBus, watchpost",
            "PutPermission.central-bus, AWS::Events::EventBus, watchpost",
            "RemovePermission.central-bus, AWS::Events::EventBus, watchpost",
            "UpdateEventBus.central-bus, AWS::Events::EventBus, watchpost",
            "DeleteArchive.central-archive, AWS::Events::Archive, watchpost-forwarded",
            "DeleteStackSet.member-roles, AWS::CloudFormation::StackSet, watchpost-member-roles",
            "UpdateStackSet.forwarder, AWS::CloudFormation::StackSet, watchpost-forwarder",
            "DeleteStackInstances.forwarder, AWS::CloudFormation::StackSet, "
                    + "watchpost-forwarder:4c2a9e1b-7d3f-4a5e-9b8c-1d2e3f4a5b6c"})
    void isCritical_whenTheOrganizationsPathToWatchpostIsChanged(String fixture, String type, String name) {
        Finding finding = only(detection, fixture);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(type, finding.resources().getFirst().type());
        assertEquals(name, finding.context().get("resource"));
    }

    @Test
    void isLow_whenWatchpostsDeployUpdatesTheStackSet() {
        assertEquals(Severity.LOW, only(detection, "UpdateStackSet.watchpost-deploy").severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PutPermission.default-bus", "DeleteEventBus.other-bus", "DeleteArchive.other-archive",
            "UpdateStackSet.other-stackset"})
    void ignoresTheDefaultBusAndOtherBusesArchivesAndStackSets(String fixture) {
        assertTrue(evaluate(detection, fixture).isEmpty());
    }

    @Test
    void ignoresTheRuleCallsThatShareTheEventBridgeSource() {
        assertTrue(evaluate(detection, "DisableRule.watchpost-rule").isEmpty());
    }
}
