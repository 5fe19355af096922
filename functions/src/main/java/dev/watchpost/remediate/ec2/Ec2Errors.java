package dev.watchpost.remediate.ec2;

import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Reads EC2's error codes, which say whether a failure means "already done" or a real problem. */
final class Ec2Errors {
    private Ec2Errors() {}

    static String code(Ec2Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
    }

    /** "CODE: message", for an outcome a person reads. */
    static String describe(Ec2Exception e) {
        String code = code(e);
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return (code.isEmpty() ? "" : code + ": ") + message;
    }
}
