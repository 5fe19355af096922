package dev.watchpost.infra;

import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;

/**
 * The CloudFormation outputs of the Watchpost stack: what an operator or a runbook looks up after a deploy (where
 * alerts and alarms go, which key encrypts the alerts, the central bus members forward to, and per family the alias
 * EventBridge invokes, the role that acts and the queue where failed events wait), so nobody reads them off the
 * console. Stateless.
 */
final class StackOutputs {
    private StackOutputs() {}

    static void add(Stack stack, AlertTopic alerts, OperationsTopic operations, Iterable<FamilyFunction> functions,
                    Optional<CentralBus> bus) {
        output(stack, "AlertTopicArn", alerts.topic().getTopicArn(), "the SNS topic every alert goes to");
        output(stack, "AlertKeyArn", alerts.key().getKeyArn(), "the KMS key that encrypts the alert topic and the state table");
        output(stack, "OperationsTopicArn", operations.topic().getTopicArn(), "the SNS topic every alarm notifies");
        bus.ifPresent(central -> {
            output(stack, "BusName", central.bus().getEventBusName(), "the central bus member accounts forward to");
            output(stack, "BusArn", central.bus().getEventBusArn(), "the central bus member accounts forward to");
        });
        for (FamilyFunction function : functions) {
            String family = FamilyFunction.typeName(function.family());
            String what = "the " + function.family().id() + " family's ";
            output(stack, family + "AliasArn", function.alias().getFunctionArn(), what + "alias EventBridge invokes");
            output(stack, family + "RoleArn", function.role().getRoleArn(), what + "function role");
            output(stack, family + "DeadLetterQueueUrl", function.deadLetters().getQueueUrl(),
                    what + "dead-letter queue");
            output(stack, family + "DeadLetterQueueArn", function.deadLetters().getQueueArn(),
                    what + "dead-letter queue");
        }
    }

    private static void output(Stack stack, String id, String value, String description) {
        CfnOutput.Builder.create(stack, id).value(value).description(description).build();
    }
}
