package dev.watchpost.config;

/**
 * Where the functions may remediate: only in their own account, or, in an organization deployment, also in member
 * accounts through the member roles. Immutable.
 *
 * @param ownAccount  the account the functions run in ({@value Settings#ACCOUNT_ID}); "" when unset, and then no
 *                    remediation runs, since nothing could tell an event of this account from one of another
 * @param memberRoles whether to assume the member roles in other accounts of the organization
 *                    ({@value Settings#MEMBER_ROLES})
 * @param externalId  the {@code sts:ExternalId} the member roles require, or "" ({@value Settings#EXTERNAL_ID})
 */
public record ReachSettings(String ownAccount, boolean memberRoles, String externalId) {
    /** Nothing configured: no account known, no member roles. */
    public static final ReachSettings NONE = new ReachSettings("", false, "");
}
