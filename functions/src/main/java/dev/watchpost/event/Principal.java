package dev.watchpost.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who made a CloudTrail call, flattened from {@code userIdentity}. Every field is "" when CloudTrail left it out
 * (AWSService principals have no ARN; failed EC2 Instance Connect calls can be sparse).
 *
 * @param type          {@code IAMUser}, {@code AssumedRole}, {@code Root}, {@code AWSService}, … or ""
 * @param arn           the caller's ARN (for an assumed role, the session ARN)
 * @param accountId     the caller's account
 * @param sessionIssuer for an assumed role, the ARN of the role that was assumed; otherwise ""
 * @param mfa           whether {@code sessionContext.attributes.mfaAuthenticated} is the string "true"
 * @param invokedBy     the AWS service that made the call on the caller's behalf, or ""
 */
public record Principal(String type, String arn, String accountId, String sessionIssuer, boolean mfa,
                        String invokedBy) {

    static Principal from(JsonNode userIdentity) {
        return new Principal(
                Json.text(userIdentity, "type"),
                Json.text(userIdentity, "arn"),
                Json.text(userIdentity, "accountId"),
                Json.text(userIdentity, "sessionContext", "sessionIssuer", "arn"),
                Json.bool(Json.path(userIdentity, "sessionContext", "attributes", "mfaAuthenticated")).orElse(false),
                Json.text(userIdentity, "invokedBy"));
    }

    /** The most specific name for the caller: its ARN, else the invoking service, else its type. */
    public String displayName() {
        if (!arn.isEmpty()) {
            return arn;
        }
        if (!invokedBy.isEmpty()) {
            return invokedBy;
        }
        return type.isEmpty() ? "unknown" : type;
    }

    /**
     * Who stands behind the call across sessions: for an assumed role, the role's ARN (every session of the role is
     * the same identity: a new session name is free to pick); otherwise the caller's ARN. "" when neither is known.
     */
    public String identity() {
        return sessionIssuer.isEmpty() ? arn : sessionIssuer;
    }

    /** True when an AWS service made the call for someone (a service principal, or {@code invokedBy} a service). */
    public boolean isAwsService() {
        return type.equals("AWSService") || invokedBy.endsWith(".amazonaws.com") || invokedBy.equals("AWS Internal");
    }
}
