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
 * The loop guard against an attacker who knows Watchpost's naming: only the exact ARNs of the deployed roles are
 * Watchpost's own. A role or user that merely looks like one (same name in another account, a longer name, a path,
 * a session named like the role) is an ordinary principal and its events are judged like any other.
 */
class LoopGuardTest {
    private static final String OWN = "arn:aws:iam::123456789012:role/watchpost-network-us-east-1";
    private final LoopGuard guard = LoopGuard.of(Set.of(OWN));

    private static CloudTrailEvent calledBy(String type, String arn, String issuer) throws MalformedEventException {
        String identity = "{\"type\":\"" + type + "\",\"arn\":\"" + arn + "\",\"accountId\":\"123456789012\""
                + (issuer.isEmpty() ? "" : ",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\""
                + issuer + "\"}}") + "}";
        String record = "{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"123456789012\",\"userIdentity\":" + identity
                + "}";
        return CloudTrailEvent.parse(record.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognisesASessionOfTheDeployedRole() throws Exception {
        assertTrue(guard.isOwn(calledBy("AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/watchpost-network-us-east-1/watchpost-network", OWN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::999999999999:role/watchpost-network-us-east-1",
            "arn:aws:iam::123456789012:role/watchpost-network-us-east-1-copy",
            "arn:aws:iam::123456789012:role/evil/watchpost-network-us-east-1",
            "arn:aws:iam::123456789012:role/Watchpost-Network-US-East-1",
            "arn:aws:iam::123456789012:role/xwatchpost-network-us-east-1"})
    void treatsALookalikeRoleAsAnyoneElse(String issuer) throws Exception {
        String role = issuer.substring(issuer.lastIndexOf('/') + 1);
        assertFalse(guard.isOwn(calledBy("AssumedRole",
                issuer.replace(":iam::", ":sts::").replaceFirst(":role/.*", ":assumed-role/" + role + "/s"), issuer)));
    }

    @Test
    void treatsASessionNamedLikeTheRoleAsAnyoneElse() throws Exception {
        assertFalse(guard.isOwn(calledBy("AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/attacker/watchpost-network-us-east-1",
                "arn:aws:iam::123456789012:role/attacker")));
    }

    @Test
    void treatsAUserNamedLikeTheRoleAsAnyoneElse() throws Exception {
        assertFalse(guard.isOwn(calledBy("IAMUser", "arn:aws:iam::123456789012:user/watchpost-network-us-east-1",
                "")));
    }

    @Test
    void trustsNoIssuerFieldThatOnlyContainsTheArn() throws Exception {
        assertFalse(guard.isOwn(calledBy("AssumedRole", "arn:aws:sts::123456789012:assumed-role/attacker/s",
                OWN + " ")));
        assertFalse(guard.isOwn(calledBy("AssumedRole", "arn:aws:sts::123456789012:assumed-role/attacker/s",
                "x" + OWN)));
    }

    @Test
    void theScannersPrefixRuleOnlyMatchesTheEventsOwnAccount() throws Exception {
        LoopGuard scanner = LoopGuard.derivingFromPrefix(Set.of(), "watchpost");
        String elsewhere = "arn:aws:iam::999999999999:role/watchpost-network-us-east-1";

        assertTrue(scanner.isOwn(calledBy("AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/watchpost-network-us-east-1/s", OWN)));
        assertFalse(scanner.isOwn(calledBy("AssumedRole",
                "arn:aws:sts::999999999999:assumed-role/watchpost-network-us-east-1/s", elsewhere)));
    }
}
