package dev.watchpost.detect.access;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;

/**
 * How far an access call is trusted by where it came from: every way in (a pushed key, a tunnel, a session) is raised
 * to HIGH when trusted CIDRs are configured and the caller's source IP lies outside them, so the access detections
 * agree on what "untrusted" means. Immutable and thread-safe.
 */
record SourceTrust(DetectionParameters parameters) {
    static final String OUTSIDE_TRUSTED_CIDRS = "the source IP is outside the trusted CIDRs";

    /** True when the event's caller connected from outside the trusted CIDRs (false when none are configured). */
    boolean isUntrusted(CloudTrailEvent event) {
        return parameters.isUntrustedSource(event.sourceIp());
    }

    /** HIGH from an untrusted source, else {@code otherwise}. */
    Severity severity(CloudTrailEvent event, Severity otherwise) {
        return isUntrusted(event) ? Severity.HIGH : otherwise;
    }

    /** The reason the severity was raised, or "" when it was not. */
    String reason(CloudTrailEvent event) {
        return isUntrusted(event) ? OUTSIDE_TRUSTED_CIDRS : "";
    }
}
