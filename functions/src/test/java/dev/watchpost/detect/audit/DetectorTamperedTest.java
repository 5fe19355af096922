package dev.watchpost.detect.audit;

import static dev.watchpost.detect.audit.TamperFixtures.assertCriticalOn;
import static dev.watchpost.detect.audit.TamperFixtures.evaluate;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The alarms, dead-letter queues, schedules and topic data protection, beside the rules, functions and topic. */
class DetectorTamperedTest {
    private final DetectorTampered detection = new DetectorTampered(Fixtures.parameters());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DeleteAlarms.watchpost-alarms | AWS::CloudWatch::Alarm | watchpost-audit-errors, watchpost-audit-dead-letters",
            "DisableAlarmActions.watchpost-alarm | AWS::CloudWatch::Alarm | watchpost-network-alert-failures",
            "PutMetricAlarm.watchpost-alarm | AWS::CloudWatch::Alarm | watchpost-audit-errors",
            "PutDataProtectionPolicy.alert-topic | AWS::SNS::Topic | watchpost-alerts",
            "PurgeQueue.dead-letters | AWS::SQS::Queue | watchpost-audit-dead-letters",
            "DeleteQueue.dead-letters | AWS::SQS::Queue | watchpost-network-dead-letters",
            "SetQueueAttributes.dead-letters | AWS::SQS::Queue | watchpost-audit-dead-letters",
            "DeleteSchedule.watchpost-schedule | AWS::Scheduler::Schedule | watchpost-network-sweep",
            "UpdateSchedule.watchpost-schedule | AWS::Scheduler::Schedule | watchpost-network-sweep"})
    void isCritical_andNamesOnlyWatchpostsOwnResources(String fixture, String type, String names) {
        assertCriticalOn(detection, fixture, type, names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeleteAlarms.other-alarms", "PutMetricAlarm.failed", "PurgeQueue.other-queue",
            "DeleteQueue.failed", "DeleteSchedule.other-schedule", "DeleteEventBus.central-bus",
            "PutDataProtectionPolicy.other-topic"})
    void ignoresOtherResourcesFailedCallsAndTheCentralBus(String fixture) {
        assertTrue(evaluate(detection, fixture).isEmpty());
    }
}
