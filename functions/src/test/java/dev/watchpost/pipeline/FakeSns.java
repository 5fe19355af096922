package dev.watchpost.pipeline;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** An SNS client that records publishes and can be told to fail the next ones, or the next one to a topic. */
public final class FakeSns implements SnsClient {
    public final List<PublishRequest> published = new ArrayList<>();
    public int failuresLeft;
    private final List<String> failingTopics = new ArrayList<>();

    /** The next publish to {@code topic} fails. */
    public void failNext(String topic) {
        failingTopics.add(topic);
    }

    /** How many publishes to {@code topic} went through. */
    public long publishedTo(String topic) {
        return published.stream().filter(request -> topic.equals(request.topicArn())).count();
    }

    @Override
    public PublishResponse publish(PublishRequest request) {
        boolean fail = failingTopics.remove(request.topicArn());
        if (!fail && failuresLeft > 0) {
            failuresLeft--;
            fail = true;
        }
        if (fail) {
            throw SnsException.builder().statusCode(500)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError").errorMessage("down").build())
                    .message("InternalError").build();
        }
        published.add(request);
        return PublishResponse.builder().messageId("m-" + published.size()).build();
    }

    @Override
    public String serviceName() {
        return "sns";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
