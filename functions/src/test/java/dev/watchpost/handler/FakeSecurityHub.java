package dev.watchpost.handler;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.SecurityHubException;

/** A Security Hub client that records imports and can be told to fail the next ones. */
final class FakeSecurityHub implements SecurityHubClient {
    final List<BatchImportFindingsRequest> imports = new ArrayList<>();
    int failuresLeft;

    @Override
    public BatchImportFindingsResponse batchImportFindings(BatchImportFindingsRequest request) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw SecurityHubException.builder().statusCode(503)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("down")
                            .build())
                    .message("ServiceUnavailable").build();
        }
        imports.add(request);
        return BatchImportFindingsResponse.builder().failedCount(0).successCount(request.findings().size()).build();
    }

    @Override
    public String serviceName() {
        return "securityhub";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
