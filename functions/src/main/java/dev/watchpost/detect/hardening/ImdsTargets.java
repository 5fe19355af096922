package dev.watchpost.detect.hardening;

import dev.watchpost.detect.FindingDetails;
import java.util.List;

/**
 * What {@link ImdsV1Allowed} found: instances that allow IMDSv1, or the account default that does.
 *
 * @param instanceIds         instances whose metadata options allow IMDSv1
 * @param accountDefault      whether the account-level default for the region was set to allow IMDSv1
 * @param accountDefaultValue the {@code HttpTokens} value the call set ({@code optional} or {@code no-preference}),
 *                            which undoing a remediation restores; "" when not an account default
 */
public record ImdsTargets(List<String> instanceIds, boolean accountDefault, String accountDefaultValue)
        implements FindingDetails {
    public ImdsTargets {
        instanceIds = List.copyOf(instanceIds);
        accountDefaultValue = accountDefaultValue == null || accountDefaultValue.isBlank()
                ? (accountDefault ? "optional" : "") : accountDefaultValue;
    }

    public ImdsTargets(List<String> instanceIds, boolean accountDefault) {
        this(instanceIds, accountDefault, "");
    }
}
