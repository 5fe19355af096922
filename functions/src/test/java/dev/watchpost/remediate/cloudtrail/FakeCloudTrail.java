package dev.watchpost.remediate.cloudtrail;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingResponse;

/** A CloudTrail client that records StartLogging calls and can fail the next ones. */
public final class FakeCloudTrail implements CloudTrailClient {
    public final List<String> started = new ArrayList<>();
    private final Deque<CloudTrailException> errors = new ArrayDeque<>();

    public static CloudTrailException error(String code, int status) {
        return (CloudTrailException) CloudTrailException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " message").build())
                .message(code).build();
    }

    public FakeCloudTrail fail(CloudTrailException error) {
        errors.add(error);
        return this;
    }

    @Override
    public StartLoggingResponse startLogging(StartLoggingRequest request) {
        started.add(request.name());
        CloudTrailException error = errors.poll();
        if (error != null) {
            throw error;
        }
        return StartLoggingResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "cloudtrail";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
