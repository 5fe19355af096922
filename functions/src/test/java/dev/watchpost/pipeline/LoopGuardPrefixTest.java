package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner's prefix rule compares the issuer piece by piece rather than building each expected ARN; it must accept
 * exactly the ARN {@code arn:aws:iam::<account>:role/<prefix>-<family>-<region>} and nothing a byte longer, shorter
 * or different.
 */
class LoopGuardPrefixTest {
    private final LoopGuard scanner = LoopGuard.derivingFromPrefix(Set.of(), "watchpost");

    private static CloudTrailEvent issuedBy(String issuer) throws MalformedEventException {
        String record = "{\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\","
                + "\"awsRegion\":\"eu-west-1\",\"recipientAccountId\":\"123456789012\",\"userIdentity\":{\"type\":"
                + "\"AssumedRole\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/r/s\",\"sessionContext\":"
                + "{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"" + issuer + "\"}}}}";
        return CloudTrailEvent.parse(record.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void matchesEachFamilysRoleInTheEventsAccountAndRegion(Family family) throws Exception {
        String issuer = "arn:aws:iam::123456789012:role/" + LoopGuard.roleName("watchpost", family, "eu-west-1");
        assertEquals(true, scanner.isOwn(issuedBy(issuer)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::123456789012:role/watchpost-audit-eu-west-",
            "arn:aws:iam::123456789012:role/watchpost-audit-eu-west-12",
            "arn:aws:iam::123456789012:role/watchpost-audit-us-east-1",
            "arn:aws:iam::123456789012:role/watchpost-audits-eu-west-1",
            "arn:aws:iam::123456789012:role/watchpost-audit_eu-west-1",
            "arn:aws:iam::123456789012:role/watchpost--audit-eu-west-1",
            "arn:aws:iam::123456789012:role/watchpostx-audit-eu-west-1",
            "arn:aws:iam::123456789012:role/watchpost-eu-west-1",
            "arn:aws:iam::123456789012:role/watchpost-",
            "arn:aws:iam::12345678901:role/watchpost-audit-eu-west-1",
            "arn:aws:iam::1234567890123:role/watchpost-audit-eu-west-1",
            "arn:aws:iam::123456789012:user/watchpost-audit-eu-west-1",
            "arn:aws:sts::123456789012:role/watchpost-audit-eu-west-1",
            "arn:aws:iam::123456789012:role/path/watchpost-audit-eu-west-1"})
    void rejectsEveryNearMiss(String issuer) throws Exception {
        assertEquals(false, scanner.isOwn(issuedBy(issuer)));
    }
}
