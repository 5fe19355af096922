package dev.watchpost.infra;

import software.amazon.awscdk.services.lambda.DestinationConfig;
import software.amazon.awscdk.services.lambda.DestinationOptions;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A Lambda on-failure destination that grants the function only {@code sqs:SendMessage} on the queue, which is all
 * Lambda needs to deliver a failed invocation record. The stock {@code SqsDestination} also grants
 * {@code sqs:GetQueueAttributes} and {@code sqs:GetQueueUrl}, which the function never calls. The queue must not use a
 * customer-managed KMS key (the function would also need that key). Stateless.
 */
final class SendOnlyQueueDestination implements IDestination {
    private final IQueue queue;

    SendOnlyQueueDestination(IQueue queue) {
        this.queue = queue;
    }

    @Override
    public DestinationConfig bind(Construct scope, IFunction function, DestinationOptions options) {
        queue.grant(function, "sqs:SendMessage");
        return DestinationConfig.builder().destination(queue.getQueueArn()).build();
    }

    @Override
    public DestinationConfig bind(Construct scope, IFunction function) {
        return bind(scope, function, null);
    }
}
