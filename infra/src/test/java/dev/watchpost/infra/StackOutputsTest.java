package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.detect.Family;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * A single-account deployment outputs what an operator looks up (topic, key, and per family the alias, role and
 * dead-letter queue) and, being the default, holds nothing of an organization deployment: no bus, no StackSet, no
 * other stack.
 */
final class StackOutputsTest {
    private final Synthesized synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();

    @Test
    void outputsTheTopicsAndTheAlertKey() {
        template.hasOutput("AlertTopicArn", Map.of("Value", Map.of("Ref",
                synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-alerts"))));
        template.hasOutput("OperationsTopicArn", Map.of("Value", Map.of("Ref",
                synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-operations"))));
        template.hasOutput("AlertKeyArn", Map.of("Value", Synthesized.getAtt(
                synthesized.onlyLogicalId("AWS::KMS::Key"), "Arn")));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void outputsTheFamilysAliasRoleAndDeadLetterQueue(Family family) {
        FamilyIds ids = synthesized.family(family);
        String name = FamilyFunction.typeName(family);
        template.hasOutput(name + "AliasArn", Map.of("Value", Map.of("Ref", ids.alias())));
        template.hasOutput(name + "RoleArn", Map.of("Value", Synthesized.getAtt(ids.role(), "Arn")));
        template.hasOutput(name + "DeadLetterQueueUrl", Map.of("Value", Map.of("Ref", ids.deadLetters())));
        template.hasOutput(name + "DeadLetterQueueArn", Map.of("Value", Synthesized.getAtt(ids.deadLetters(), "Arn")));
    }

    @Test
    void holdsNoBusNoStackSetAndNoOtherStack() {
        template.resourceCountIs("AWS::Events::EventBus", 0);
        template.resourceCountIs("AWS::Events::Archive", 0);
        template.resourceCountIs("AWS::CloudFormation::StackSet", 0);
        assertEquals(0, synthesized.json().path("Outputs").path("BusArn").size());
        assertEquals(List.of(WatchpostApp.STACK_NAME), synthesized.stack().getNode().getScope().getNode()
                .getChildren().stream().filter(child -> child instanceof Stack)
                .map(child -> child.getNode().getId()).toList());
    }
}
