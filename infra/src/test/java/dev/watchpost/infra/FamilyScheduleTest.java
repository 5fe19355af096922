package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;

/**
 * Each family function is asked to sweep on the schedule (default every 6 hours, {@code sweepSchedule} to change it),
 * to send the digest daily, and for a heartbeat twice a day, each through EventBridge Scheduler with its
 * {@code {"watchpost":…}} payload to the live alias; once after each deployment; and a day without a heartbeat raises
 * an alarm that treats missing data as breaching.
 */
final class FamilyScheduleTest {
    private final Synthesized synthesized = Synthesized.defaults();

    @ParameterizedTest
    @EnumSource(Family.class)
    void schedulesTheSweepDigestAndHeartbeat_toTheLiveAlias(Family family) {
        FamilyIds ids = synthesized.family(family);
        Map<String, String> byInput = new TreeMap<>();
        for (String schedule : synthesized.logicalIds("AWS::Scheduler::Schedule")) {
            JsonNode properties = synthesized.properties(schedule);
            JsonNode target = properties.path("Target");
            if (target.path("Arn").equals(Synthesized.ref(ids.alias()))) {
                byInput.put(target.path("Input").asText(), properties.path("ScheduleExpression").asText());
                assertEquals("OFF", properties.path("FlexibleTimeWindow").path("Mode").asText());
            }
        }

        assertEquals(Map.of("{\"watchpost\":\"sweep\"}", "rate(6 hours)", "{\"watchpost\":\"digest\"}", "rate(1 day)",
                "{\"watchpost\":\"heartbeat\"}", "rate(12 hours)"), byInput);
    }

    @Test
    void takesTheSweepScheduleFromTheContext() {
        Synthesized custom = Synthesized.synthesize("sweep-schedule", Map.of(SweepSchedules.SWEEP_SCHEDULE,
                "rate(2 hours)", SweepSchedules.DIGEST_SCHEDULE, "cron(0 8 * * ? *)"));

        custom.template().resourcePropertiesCountIs("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(2 hours)", "Target", Match.objectLike(Map.of(
                        "Input", "{\"watchpost\":\"sweep\"}")))), Family.values().length);
        custom.template().resourcePropertiesCountIs("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "cron(0 8 * * ? *)")), Family.values().length);
    }

    @Test
    void rejectsAScheduleThatIsNotAnExpression_namingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSchedules.fromContext(
                key -> key.equals(SweepSchedules.SWEEP_SCHEDULE) ? Optional.of("every 6 hours") : Optional.empty()));

        assertTrue(e.getMessage().startsWith("context sweepSchedule=\"every 6 hours\" is invalid"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void sweepsOnceAfterEachDeployment_ofThisStack(Family family) {
        FamilyIds ids = synthesized.family(family);
        List<JsonNode> rules = synthesized.logicalIds("AWS::Events::Rule").stream().map(synthesized::properties)
                .filter(rule -> rule.path("Name").asText().equals("watchpost-" + family.id() + "-after-deploy"))
                .toList();

        assertEquals(1, rules.size());
        JsonNode pattern = rules.getFirst().path("EventPattern");
        assertEquals("[\"aws.cloudformation\"]", pattern.path("source").toString());
        assertEquals("[{\"Ref\":\"AWS::StackId\"}]", pattern.path("detail").path("stack-id").toString());
        assertEquals("[\"CREATE_COMPLETE\",\"UPDATE_COMPLETE\"]",
                pattern.path("detail").path("status-details").path("status").toString());
        JsonNode target = rules.getFirst().path("Targets").path(0);
        assertEquals(Synthesized.ref(ids.alias()), target.path("Arn"));
        assertEquals("{\"watchpost\":\"sweep\"}", target.path("Input").asText());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsTheOperationsTopicWhenADayPassesWithoutAHeartbeat_treatingMissingDataAsBreaching(Family family) {
        synthesized.template().hasResourceProperties("AWS::CloudWatch::Alarm",
                dailyAlarm(family, "-heartbeat", "Heartbeat", "LessThanThreshold", "breaching"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsTheOperationsTopicOnAnySweepProblemInADay_treatingMissingDataAsFine(Family family) {
        synthesized.template().hasResourceProperties("AWS::CloudWatch::Alarm",
                dailyAlarm(family, "-sweep-problems", "SweepProblems", "GreaterThanOrEqualToThreshold",
                        "notBreaching"));
    }

    /** The expected properties of a daily alarm at 1 on the family function's own metric, to the operations topic. */
    private Map<String, Object> dailyAlarm(Family family, String suffix, String metric, String comparison,
                                           String missingData) {
        String operations = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-operations");
        return Map.ofEntries(
                Map.entry("AlarmName", "watchpost-" + family.id() + suffix),
                Map.entry("Namespace", "Watchpost"),
                Map.entry("MetricName", metric),
                Map.entry("Dimensions", List.of(Map.of("Name", "Function", "Value", "watchpost-" + family.id()))),
                Map.entry("Statistic", "Sum"),
                Map.entry("Period", 86400),
                Map.entry("Threshold", 1),
                Map.entry("ComparisonOperator", comparison),
                Map.entry("TreatMissingData", missingData),
                Map.entry("AlarmActions", List.of(Map.of("Ref", operations))),
                Map.entry("OKActions", List.of(Map.of("Ref", operations))));
    }
}
