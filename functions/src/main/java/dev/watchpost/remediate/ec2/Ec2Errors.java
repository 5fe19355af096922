package dev.watchpost.remediate.ec2;

import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Reads EC2's error codes, which say whether a failure means "already done" or a real problem. */
final class Ec2Errors {
    private Ec2Errors() {}

    static String code(Ec2Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
    }

    /** What EC2 answers in a region the account has not enabled (opt-in regions), where no credentials are valid. */
    private static final Set<String> REGION_NOT_ENABLED = Set.of("OptInRequired", "AuthFailure",
            "UnrecognizedClientException", "InvalidClientTokenId");

    /** "CODE: message", for an outcome a person reads, with a hint when the region may not be enabled. */
    static String describe(Ec2Exception e) {
        String code = code(e);
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        // The URL-connection HTTP client drops the body of a 401, so AuthFailure may arrive as a bare status.
        boolean refused = REGION_NOT_ENABLED.contains(code) || (code.isEmpty() && e.statusCode() == 401);
        String hint = refused
                ? " (the region may not be enabled in this account, or the credentials are not valid there)" : "";
        return (code.isEmpty() ? "" : code + ": ") + message + hint;
    }
}
