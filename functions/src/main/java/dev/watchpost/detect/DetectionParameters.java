package dev.watchpost.detect;

import dev.watchpost.event.Cidr;
import java.util.List;
import java.util.Set;

/**
 * The tunable inputs of the detections, built once from configuration. Immutable.
 *
 * @param adminPorts           ports whose exposure to the internet is an incident (default 22 and 3389)
 * @param internetPrefixLength a CIDR whose prefix length is at most this counts as "the internet" (default 0: only /0)
 * @param trustedCidrs         where people are expected to connect from; empty when not configured
 * @param namePrefix           prefix of Watchpost's own resource names, to recognise tampering with them
 * @param exemptTagKey         the tag key that exempts a resource from remediation, to alert on its use
 * @param alertKeyArn          the ARN of the KMS key that encrypts the alert topic, to recognise tampering with it; ""
 *                             when unknown (then only its alias is recognised)
 * @param deployQualifier      the CDK bootstrap qualifier whose CloudFormation execution role deploys Watchpost, to
 *                             tell its deploys from other changes (default CDK's own, {@value #DEFAULT_DEPLOY_QUALIFIER})
 */
public record DetectionParameters(Set<Integer> adminPorts, int internetPrefixLength, List<Cidr> trustedCidrs,
                                  String namePrefix, String exemptTagKey, String alertKeyArn,
                                  String deployQualifier) {
    public static final Set<Integer> DEFAULT_ADMIN_PORTS = Set.of(22, 3389);
    public static final String DEFAULT_NAME_PREFIX = "watchpost";
    public static final String DEFAULT_EXEMPT_TAG_KEY = "watchpost:exempt";
    /** The qualifier {@code cdk bootstrap} uses unless told otherwise (CDK's {@code DefaultStackSynthesizer}). */
    public static final String DEFAULT_DEPLOY_QUALIFIER = "hnb659fds";

    public DetectionParameters {
        adminPorts = Set.copyOf(adminPorts);
        trustedCidrs = List.copyOf(trustedCidrs);
        if (adminPorts.isEmpty()) {
            throw new IllegalArgumentException("at least one admin port is needed");
        }
        if (namePrefix == null || namePrefix.isBlank()) {
            throw new IllegalArgumentException("a name prefix is needed");
        }
        if (exemptTagKey == null || exemptTagKey.isBlank()) {
            throw new IllegalArgumentException("an exemption tag key is needed");
        }
        alertKeyArn = alertKeyArn == null ? "" : alertKeyArn;
        if (deployQualifier == null || deployQualifier.isBlank()) {
            throw new IllegalArgumentException("a deploy qualifier is needed");
        }
        if (internetPrefixLength < 0 || internetPrefixLength > 32) {
            throw new IllegalArgumentException("internet prefix length must be 0-32, was " + internetPrefixLength);
        }
    }

    public DetectionParameters(Set<Integer> adminPorts, int internetPrefixLength, List<Cidr> trustedCidrs,
                               String namePrefix, String exemptTagKey) {
        this(adminPorts, internetPrefixLength, trustedCidrs, namePrefix, exemptTagKey, "", DEFAULT_DEPLOY_QUALIFIER);
    }

    public DetectionParameters(Set<Integer> adminPorts, int internetPrefixLength, List<Cidr> trustedCidrs,
                               String namePrefix) {
        this(adminPorts, internetPrefixLength, trustedCidrs, namePrefix, DEFAULT_EXEMPT_TAG_KEY);
    }

    public DetectionParameters(Set<Integer> adminPorts, int internetPrefixLength, List<Cidr> trustedCidrs) {
        this(adminPorts, internetPrefixLength, trustedCidrs, DEFAULT_NAME_PREFIX);
    }

    public static DetectionParameters defaults() {
        return new DetectionParameters(DEFAULT_ADMIN_PORTS, 0, List.of(), DEFAULT_NAME_PREFIX, DEFAULT_EXEMPT_TAG_KEY);
    }

    /** These parameters, knowing the alert topic's key. */
    public DetectionParameters withAlertKeyArn(String arn) {
        return new DetectionParameters(adminPorts, internetPrefixLength, trustedCidrs, namePrefix, exemptTagKey, arn,
                deployQualifier);
    }

    /** True when a source IP lies outside every trusted CIDR (false when none are configured or the IP is not one). */
    public boolean isUntrustedSource(String sourceIp) {
        if (trustedCidrs.isEmpty() || Cidr.parse(sourceIp).isEmpty() || sourceIp.contains("/")) {
            return false;
        }
        return trustedCidrs.stream().noneMatch(cidr -> cidr.containsAddress(sourceIp));
    }

    /** True when the block is wide enough to count as the internet. */
    public boolean isInternet(Cidr cidr) {
        return cidr.isAtLeastAsWideAs(internetPrefixLength);
    }

    /**
     * {@code /<prefix>/settings}: the SSM parameter holding the runtime settings, which the functions read and
     * {@code audit.settings-changed} watches.
     */
    public static String settingsParameter(String namePrefix) {
        return "/" + namePrefix + "/settings";
    }
}
