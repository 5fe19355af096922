package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.time.Duration;
import java.util.Map;

/**
 * DynamoDB's JSON 1.0 answers, as the service writes them (HTTP status, {@code __type} error body); successes come from
 * {@link CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class DynamoDbWire {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private DynamoDbWire() {}

    /** The canned success of {@code operation} (PutItem, UpdateItem), as priming answers it. */
    public static Reply ok(String operation) {
        return new Reply(200, CONTENT_TYPE, CannedAnswers.body("dynamodb", operation, Map.of()), Map.of(),
                Duration.ZERO);
    }

    public static Reply error(int status, String type, String message) {
        return new Reply(status, CONTENT_TYPE, "{\"__type\":\"" + TYPE_PREFIX + type + "\",\"message\":\"" + message
                + "\"}", Map.of(), Duration.ZERO);
    }

    public static Reply throughputExceeded() {
        return error(400, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput "
                + "for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
    }

    public static Reply throttled() {
        return error(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
    }

    public static Reply internalError() {
        return error(500, "InternalServerError", "Internal server error");
    }

    public static Reply accessDenied() {
        return error(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/watchpost-network/x "
                + "is not authorized to perform: dynamodb:PutItem on resource: "
                + "arn:aws:dynamodb:us-east-1:123456789012:table/watchpost-state");
    }

    /** A claim lost: the item exists and the condition did not hold. */
    public static Reply conditionFailed() {
        return error(400, "ConditionalCheckFailedException", "The conditional request failed");
    }
}
