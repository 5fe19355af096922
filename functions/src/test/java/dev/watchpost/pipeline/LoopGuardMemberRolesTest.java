package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The central functions' loop guard in an organization: a call by a member role, in the account the event names, is
 * Watchpost's own (its remediation) and never fires; a role that only looks like one is judged like anyone else.
 */
class LoopGuardMemberRolesTest {
    private static final String MEMBER = "111111111111";
    private static final String MEMBER_ROLE = "arn:aws:iam::111111111111:role/watchpost/watchpost-member-network";
    private final LoopGuard guard = LoopGuard.withMemberRoles(Set.of(FixtureDeployment.OWN_ROLE), "watchpost");

    private static CloudTrailEvent inAccount(String account, String issuer) throws MalformedEventException {
        String record = "{\"eventName\":\"RevokeSecurityGroupIngress\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"awsRegion\":\"eu-west-1\",\"recipientAccountId\":\"" + account + "\",\"userIdentity\":{"
                + "\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/x/watchpost-network-"
                + "remediate\",\"accountId\":\"" + account + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":"
                + "\"Role\",\"arn\":\"" + issuer + "\"}}}}";
        return CloudTrailEvent.parse(record.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognisesTheMemberRoleInTheEventsOwnAccount() throws Exception {
        assertTrue(guard.isOwn(inAccount(MEMBER, MEMBER_ROLE)));
        assertTrue(guard.isOwn(inAccount(MEMBER,
                "arn:aws:iam::111111111111:role/watchpost/watchpost-member-hardening")), "every family's role");
    }

    @Test
    void stillRecognisesTheCentralFunctionRoles() throws Exception {
        assertTrue(guard.isOwn(inAccount("123456789012", FixtureDeployment.OWN_ROLE)));
    }

    @Test
    void ignoresAMemberRoleOfAnotherAccountThanTheEvents() throws Exception {
        assertFalse(guard.isOwn(inAccount("222222222222", MEMBER_ROLE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::111111111111:role/watchpost-member-network",
            "arn:aws:iam::111111111111:role/other/watchpost-member-network",
            "arn:aws:iam::111111111111:role/watchpost/watchpost-member-network-copy",
            "arn:aws:iam::111111111111:role/watchpost/watchpost-member-sweep",
            "arn:aws:iam::111111111111:role/watchpost/watchpost-forwarder"})
    void doesNotTrustLookAlikes(String issuer) throws Exception {
        assertFalse(guard.isOwn(inAccount(MEMBER, issuer)), issuer);
    }

    @Test
    void theSingleAccountGuardDoesNotKnowMemberRoles() throws Exception {
        assertFalse(LoopGuard.of(Set.of(FixtureDeployment.OWN_ROLE)).isOwn(inAccount(MEMBER, MEMBER_ROLE)));
    }
}
