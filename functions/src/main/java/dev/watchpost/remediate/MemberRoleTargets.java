package dev.watchpost.remediate;

import dev.watchpost.detect.Family;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The central functions of an organization deployment: the own account through {@link OwnAccountTargets}, every other
 * account through the family's member role there ({@link MemberRoles#roleArn}), which holds exactly this family's
 * remediation actions. The role is assumed once per account and its session kept until {@link #REFRESH_BEFORE} its
 * expiry, with one set of clients per region; the session name ({@code <prefix>-<family>-remediate}) tells the
 * member account's CloudTrail which family acted and why. A role that cannot be assumed (an account that joined
 * before the roles reached it, a trust that does not match) is a {@code Failed} outcome naming the role and the
 * error (an AssumeRole the invocation had no time left to start says so, without the hint about the member-roles
 * stack); nothing else is tried. Thread-safe: two events of one account may both assume the role at first, which is
 * harmless.
 */
public final class MemberRoleTargets implements Targets {
    /** Sessions are renewed this long before they expire, so no call starts with credentials about to lapse. */
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    /** What remediating sessions are for, in their names. */
    public static final String PURPOSE = "remediate";

    private final OwnAccountTargets own;
    private final StsClient sts;
    private final ClientFactory factory;
    private final String partition;
    private final String prefix;
    private final Family family;
    private final String externalId;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param own        the own account's targets (its account must be known)
     * @param sts        STS in the function's region
     * @param partition  the partition the accounts are in ({@code aws})
     * @param prefix     the deployment's name prefix
     * @param family     whose member role to assume
     * @param externalId the external id the member roles require, or ""
     */
    public MemberRoleTargets(OwnAccountTargets own, StsClient sts, ClientFactory factory, String partition,
                             String prefix, Family family, String externalId, Clock clock) {
        if (own.ownAccount().isEmpty()) {
            throw new IllegalArgumentException("member roles need the central account's own id");
        }
        this.own = own;
        this.sts = sts;
        this.factory = factory;
        this.partition = partition;
        this.prefix = prefix;
        this.family = family;
        this.externalId = externalId;
        this.clock = clock;
    }

    /** {@code <prefix>-<family>-remediate}: at most 20 + 1 + 9 + 10 characters, within STS's 64. */
    public String sessionName() {
        return prefix + "-" + family.id() + "-" + PURPOSE;
    }

    @Override
    public Reach reach(String account, String region) {
        if (account.equals(own.ownAccount())) {
            return own.reach(account, region);
        }
        Session session = sessions.get(account);
        if (session == null || !clock.instant().isBefore(session.expiry().minus(REFRESH_BEFORE))) {
            String roleArn = MemberRoles.roleArn(partition, account, prefix, family);
            try {
                session = assume(roleArn);
            } catch (SdkException e) {
                sessions.remove(account);
                String hint = CallBudgetInterceptor.notStarted(e) ? ""
                        : " (has the member-roles stack reached account " + account + "?)";
                return new Reach.Unreachable("could not assume " + roleArn + ": " + describe(e) + hint
                        + "; nothing was changed", true);
            }
            sessions.put(account, session);
        }
        Session current = session;
        return new Reach.Reachable(current.byRegion().computeIfAbsent(region,
                r -> factory.clients(r, StaticCredentialsProvider.create(current.credentials()))),
                "role " + current.roleArn());
    }

    private Session assume(String roleArn) {
        AssumeRoleResponse response = sts.assumeRole(r -> {
            r.roleArn(roleArn).roleSessionName(sessionName());
            if (!externalId.isEmpty()) {
                r.externalId(externalId);
            }
        });
        Credentials credentials = response.credentials();
        Instant expiry = credentials.expiration() == null ? clock.instant() : credentials.expiration();
        return new Session(roleArn, AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()), expiry, new ConcurrentHashMap<>());
    }

    private static String describe(SdkException e) {
        if (e instanceof StsException sts && sts.awsErrorDetails() != null) {
            String code = sts.awsErrorDetails().errorCode();
            return (code == null || code.isEmpty() ? "" : code + ": ") + sts.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One assumed-role session in one member account, with the clients built on it so far. */
    private record Session(String roleArn, AwsSessionCredentials credentials, Instant expiry,
                           Map<String, Remediations.Clients> byRegion) {}
}
