package dev.watchpost.handler;

import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import java.util.Set;

/**
 * Recognises calls made by Watchpost's own roles, so its remediations do not trigger it again. Matches exact role ARNs
 * (the assumed-role session's issuer, or the principal ARN itself), never names or substrings: a role named like
 * Watchpost's in another account, or with a longer name, is not exempt. The offline scanner, which has no deployment
 * to ask, may also match the role names a deployment with the given prefix would have in the event's own account
 * and region ({@code <prefix>-<family>-<region>}). Immutable.
 */
public final class LoopGuard {
    private final Set<String> roleArns;
    private final String derivedPrefix;

    private LoopGuard(Set<String> roleArns, String derivedPrefix) {
        this.roleArns = Set.copyOf(roleArns);
        this.derivedPrefix = derivedPrefix;
    }

    /** Exactly these role ARNs. */
    public static LoopGuard of(Set<String> roleArns) {
        return new LoopGuard(roleArns, "");
    }

    /** These ARNs, plus the roles a deployment named {@code prefix} would have in each event's account and region. */
    public static LoopGuard derivingFromPrefix(Set<String> roleArns, String prefix) {
        return new LoopGuard(roleArns, prefix);
    }

    /** The role name Watchpost's CDK app gives a family's function in a region. */
    public static String roleName(String prefix, Family family, String region) {
        return prefix + "-" + family.id() + "-" + region;
    }

    public boolean isOwn(CloudTrailEvent event) {
        Principal principal = event.principal();
        if (matches(principal.sessionIssuer()) || matches(principal.arn())) {
            return true;
        }
        if (derivedPrefix.isEmpty() || principal.sessionIssuer().isEmpty()) {
            return false;
        }
        for (Family family : Family.values()) {
            String expected = "arn:aws:iam::" + event.account() + ":role/"
                    + roleName(derivedPrefix, family, event.region());
            if (principal.sessionIssuer().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String arn) {
        return !arn.isEmpty() && roleArns.contains(arn);
    }
}
