package dev.watchpost.pipeline;

import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import dev.watchpost.remediate.MemberRoles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Recognises calls made by Watchpost's own roles, so its remediations do not trigger it again. Matches exact role ARNs
 * (the assumed-role session's issuer, or the principal ARN itself), never names or substrings: a role named like
 * Watchpost's in another account, or with a longer name, is not exempt. The offline scanner, which has no deployment
 * to ask, may also match the role names a deployment with the given prefix would have in the event's own account
 * and region ({@code <prefix>-<family>-<region>}). The central functions of an organization deployment also
 * recognise the member roles they act through, by exact ARN in the event's own account. Immutable.
 */
public final class LoopGuard {
    private static final String IAM_ARN = "arn:aws:iam::";
    private static final String ROLE = ":role/";
    private static final List<String> FAMILY_IDS = Arrays.stream(Family.values()).map(Family::id).toList();

    private final Set<String> roleArns;
    private final String derivedPrefix;
    private final String memberRolePrefix;

    private LoopGuard(Set<String> roleArns, String derivedPrefix, String memberRolePrefix) {
        this.roleArns = Set.copyOf(roleArns);
        this.derivedPrefix = derivedPrefix;
        this.memberRolePrefix = memberRolePrefix;
    }

    /** Exactly these role ARNs. */
    public static LoopGuard of(Set<String> roleArns) {
        return new LoopGuard(roleArns, "", "");
    }

    /** These ARNs, plus the roles a deployment named {@code prefix} would have in each event's account and region. */
    public static LoopGuard derivingFromPrefix(Set<String> roleArns, String prefix) {
        return new LoopGuard(roleArns, prefix, "");
    }

    /**
     * These ARNs, plus the member roles of an organization deployment named {@code prefix} in each event's own
     * account ({@link MemberRoles#roleArn}, exact path and name): the central functions act through them.
     */
    public static LoopGuard withMemberRoles(Set<String> roleArns, String prefix) {
        return new LoopGuard(roleArns, "", prefix);
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
        if (!memberRolePrefix.isEmpty() && isMemberRole(principal.sessionIssuer(), event)) {
            return true;
        }
        if (derivedPrefix.isEmpty() || principal.sessionIssuer().isEmpty()) {
            return false;
        }
        return isDerivedRole(principal.sessionIssuer(), event.account(), event.region());
    }

    /**
     * Whether {@code issuer} is exactly {@code arn:aws:iam::<account>:role/<roleName(prefix, family, region)>} for
     * some family. Compares piece by piece instead of building the four ARNs: the scanner asks this for every
     * assumed-role record it reads.
     */
    private boolean isDerivedRole(String issuer, String account, String region) {
        int at = 0;
        for (String piece : new String[] {IAM_ARN, account, ROLE, derivedPrefix, "-"}) {
            if (!issuer.startsWith(piece, at)) {
                return false;
            }
            at += piece.length();
        }
        for (String family : FAMILY_IDS) {
            int end = at + family.length();
            if (issuer.length() == end + 1 + region.length() && issuer.startsWith(family, at)
                    && issuer.charAt(end) == '-' && issuer.startsWith(region, end + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code issuer} is exactly one of the member roles in the event's own account. */
    private boolean isMemberRole(String issuer, CloudTrailEvent event) {
        if (issuer.isEmpty()) {
            return false;
        }
        String partition = MemberRoles.partitionOf(event.region());
        for (Family family : Family.values()) {
            if (issuer.equals(MemberRoles.roleArn(partition, event.account(), memberRolePrefix, family))) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String arn) {
        return !arn.isEmpty() && roleArns.contains(arn);
    }
}
