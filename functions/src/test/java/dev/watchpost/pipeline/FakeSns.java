package dev.watchpost.pipeline;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** An SNS client that records publishes and can be told to fail the next ones. */
public final class FakeSns implements SnsClient {
    public final List<PublishRequest> published = new ArrayList<>();
    public int failuresLeft;

    @Override
    public PublishResponse publish(PublishRequest request) {
        if (failuresLeft > 0) {
            failuresLeft--;
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
