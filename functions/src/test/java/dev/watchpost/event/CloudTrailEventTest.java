package dev.watchpost.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudTrailEventTest {
    private static CloudTrailEvent parse(String json) throws MalformedEventException {
        return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnEventBridgeEnvelope() {
        CloudTrailEvent event = Fixtures.event("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        assertEquals("AuthorizeSecurityGroupIngress", event.eventName());
        assertEquals("ec2.amazonaws.com", event.eventSource());
        assertEquals("123456789012", event.account());
        assertEquals("us-east-1", event.region());
        assertTrue(event.succeeded());
        assertFalse(event.eventId().isEmpty());
        assertTrue(event.eventInstant().isPresent());
    }

    @Test
    void readsABareRecordAndFallsBackToTheCallerAccount() throws Exception {
        CloudTrailEvent event = parse("""
                {"eventName":"StopLogging","eventSource":"cloudtrail.amazonaws.com","eventID":"e-1",
                 "eventTime":"2026-11-02T10:15:30Z","awsRegion":"eu-west-1",
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012"}}
                """);
        assertEquals("StopLogging", event.eventName());
        assertEquals("e-1", event.eventId());
        assertEquals("123456789012", event.account());
        assertEquals("eu-west-1", event.region());
        assertEquals(Instant.parse("2026-11-02T10:15:30Z"), event.eventInstant().orElseThrow());
        assertEquals("IAMUser", event.principal().type());
    }

    @Test
    void reportsFailureFromErrorCode() throws Exception {
        CloudTrailEvent event = parse("""
                {"eventName":"X","errorCode":"Client.DryRunOperation","errorMessage":"Request would have succeeded"}
                """);
        assertFalse(event.succeeded());
        assertEquals("Client.DryRunOperation", event.errorCode().orElseThrow());
    }

    @Test
    void readsMfaOnlyFromTheStringTrue() throws Exception {
        CloudTrailEvent withMfa = parse("""
                {"eventName":"X","userIdentity":{"type":"AssumedRole",
                 "sessionContext":{"attributes":{"mfaAuthenticated":"true"},
                 "sessionIssuer":{"arn":"arn:aws:iam::123456789012:role/admin"}}}}
                """);
        CloudTrailEvent withoutMfa = parse("""
                {"eventName":"X","userIdentity":{"sessionContext":{"attributes":{"mfaAuthenticated":"false"}}}}
                """);
        CloudTrailEvent oddType = parse("""
                {"eventName":"X","userIdentity":{"sessionContext":{"attributes":{"mfaAuthenticated":{"a":1}}}}}
                """);
        assertTrue(withMfa.principal().mfa());
        assertEquals("arn:aws:iam::123456789012:role/admin", withMfa.principal().sessionIssuer());
        assertFalse(withoutMfa.principal().mfa());
        assertFalse(oddType.principal().mfa());
    }

    @Test
    void nullAndOddlyTypedFieldsReadAsEmpty() throws Exception {
        CloudTrailEvent event = parse("""
                {"eventName":"X","eventSource":null,"userIdentity":"not an object","sourceIPAddress":["a"],
                 "userAgent":{"x":1},"requestParameters":null,"responseElements":"text","eventTime":42,
                 "awsRegion":null}
                """);
        assertEquals("", event.eventSource());
        assertEquals("", event.principal().type());
        assertEquals("", event.sourceIp());
        assertEquals("", event.userAgent());
        assertTrue(event.requestParameters().isMissingNode());
        assertTrue(event.responseElements().isValueNode() || event.responseElements().isMissingNode());
        assertTrue(event.eventInstant().isEmpty());
        assertEquals("", event.region());
        assertEquals("unknown", event.principal().displayName());
    }

    @Test
    void awsServicePrincipalsAreRecognised() throws Exception {
        CloudTrailEvent service = parse("""
                {"eventName":"X","userIdentity":{"type":"AWSService","invokedBy":"autoscaling.amazonaws.com"}}
                """);
        CloudTrailEvent viaCloudFormation = parse("""
                {"eventName":"X","userIdentity":{"type":"AssumedRole","invokedBy":"cloudformation.amazonaws.com"}}
                """);
        assertTrue(service.principal().isAwsService());
        assertEquals("autoscaling.amazonaws.com", service.principal().displayName());
        assertTrue(viaCloudFormation.principal().isAwsService());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "42", "null", "{\"detail-type\":\"x\",\"detail\":\"no\"}",
            "{\"eventSource\":\"ec2.amazonaws.com\"}", "{\"eventName\":1}", "{\"a\":1,\"a\":2,\"eventName\":\"X\"}"})
    void rejectsWhatIsNotACloudTrailRecord(String json) {
        MalformedEventException error = assertThrows(MalformedEventException.class, () -> parse(json));
        assertFalse(error.getMessage().isBlank());
    }

    @Test
    void rejectsDeepNestingWithAClearError() {
        String deep = "{\"eventName\":\"X\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        MalformedEventException error = assertThrows(MalformedEventException.class, () -> parse(deep));
        assertTrue(error.getMessage().startsWith("not valid JSON"), error.getMessage());
    }

    @Test
    void rejectsAKeyGivenTwice_atAnyDepth_namingOnlyTheKey() {
        String nested = "{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"requestParameters\":{\"ipPermissions\":"
                + "{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"ipProtocol\":\"udp\"}]}}}";

        MalformedEventException error = assertThrows(MalformedEventException.class, () -> parse(nested));

        assertEquals("not valid JSON: Duplicate field 'ipProtocol'", error.getMessage());
    }
}
