package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.assertCriticalOn;
import static dev.watchpost.detect.audit.TamperFixtures.evaluate;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertCriticalOn(detection, fixture, type, name);
    }

    @ParameterizedTest(name = "ignores {0}")
    @CsvSource({
            "the default bus, PutPermission.default-bus",
            "another bus, DeleteEventBus.other-bus",
            "another archive, DeleteArchive.other-archive",
            "another StackSet, UpdateStackSet.other-stackset",
            "a rule call that shares the EventBridge source, DisableRule.watchpost-rule"})
    void ignoresTheDefaultBusAndOtherBusesArchivesStackSetsAndRules(String what, String fixture) {
        assertTrue(evaluate(detection, fixture).isEmpty());
    }
}
