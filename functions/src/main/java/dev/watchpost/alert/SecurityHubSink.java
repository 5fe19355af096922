package dev.watchpost.alert;

import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;

/**
 * Imports each alert into Security Hub ({@code BatchImportFindings}) as {@link AsffFinding} formats it, into the
 * importing account's product (in an organization deployment the central account imports members' findings). The call
 * answers 200 even when it rejects a finding, so a non-zero {@code FailedCount} is a failure too, reported with
 * Security Hub's reasons. Re-importing the same finding id updates it, so a retry is harmless. Thread-safe (the client
 * is).
 *
 * @param securityHub   a client for the region findings are imported in, with the importing account's credentials
 * @param importRegion  that region (the product ARN must name it), or "" for each event's own
 * @param importAccount that account (the product ARN must name it), or "" for each event's own
 */
public record SecurityHubSink(SecurityHubClient securityHub, String importRegion, String importAccount)
        implements AlertSink {
    @Override
    public void send(Alert alert) {
        AlertFacts facts = AlertFacts.of(alert);
        AwsSecurityFinding finding = AsffFinding.of(facts, importRegion, importAccount);
        BatchImportFindingsResponse response;
        try {
            response = securityHub.batchImportFindings(request -> request.findings(finding));
        } catch (SdkException e) {
            throw new AlertDeliveryException("could not import " + facts.dedupKey() + " into Security Hub: "
                    + e.getMessage(), e);
        }
        Integer failed = response.failedCount();
        if (failed != null && failed > 0) {
            String reasons = response.failedFindings().stream()
                    .map(error -> error.errorCode() + ": " + error.errorMessage())
                    .collect(Collectors.joining("; "));
            throw new AlertDeliveryException("Security Hub rejected " + facts.dedupKey() + ": "
                    + (reasons.isEmpty() ? "no reason given" : Sanitize.text(reasons, 1024)), null);
        }
    }
}
