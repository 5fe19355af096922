package dev.watchpost.infra;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * Watchpost's one alarm shape: fire on the first occurrence in a period (a lost alert is never routine), stay quiet
 * when there is no data, and notify the {@link OperationsTopic} of both changes, into ALARM and back to OK, so that
 * people also learn when it is over. Never the alert topic: its key is one of the things an alarm must be able to
 * report. Stateless.
 */
final class TopicAlarm {
    private TopicAlarm() {}

    static Alarm create(Construct scope, String id, String name, String description, IMetric metric,
                        OperationsTopic operations) {
        return alarm(scope, id, name, description, metric, operations,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING);
    }

    /**
     * The one alarm on absence: fires when a period passes with less than one data point, and treats no data as
     * breaching, since silence is exactly what it watches for (a heartbeat). Notifies as {@link #create} does.
     */
    static Alarm whenAbsent(Construct scope, String id, String name, String description, IMetric metric,
                            OperationsTopic operations) {
        return alarm(scope, id, name, description, metric, operations, ComparisonOperator.LESS_THAN_THRESHOLD,
                TreatMissingData.BREACHING);
    }

    private static Alarm alarm(Construct scope, String id, String name, String description, IMetric metric,
                               OperationsTopic operations, ComparisonOperator comparison, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(comparison)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(operations.alarmAction());
        alarm.addOkAction(operations.alarmAction());
        return alarm;
    }
}
