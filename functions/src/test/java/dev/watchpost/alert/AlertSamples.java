package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.JsonStrings;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingDetails;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Alerts for formatter and sink tests: from real fixtures, with every outcome, and with hostile strings everywhere. */
public final class AlertSamples {
    public static final Instant HANDLED = Instant.parse("2026-11-02T10:15:42Z");
    public static final String SSH_FIXTURE = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    public static final String UNDO = "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions x";
    /** A member account of an organization, and the central account that runs Watchpost for it. */
    public static final String MEMBER_ACCOUNT = "111111111111";
    public static final String MEMBER_REGION = "eu-west-1";
    public static final String CENTRAL_ACCOUNT = "999999999999";
    public static final String MEMBER_UNDO = "aws ec2 authorize-security-group-ingress --region eu-west-1 "
            + "--group-id sg-1 --ip-permissions x";

    /** Attacker-controlled strings that must show as text in every channel. */
    public static final List<String> HOSTILE = List.of("<!channel>", "<@U123>", "<https://evil.example|click here>",
            "```", "&");
    /** What must never appear raw in Slack or Chatbot text. */
    public static final List<String> FORBIDDEN_RAW = List.of("<!channel>", "<@U123>", "<https://evil.example",
            "click here>");
    private static final String HOSTILE_TEXT = String.join(" ", HOSTILE);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AlertSamples() {}

    /** Asserts that no string anywhere in {@code payload} holds one of {@link #FORBIDDEN_RAW}. */
    public static void assertNothingForbiddenRaw(JsonNode payload) {
        for (String text : JsonStrings.of(payload)) {
            for (String raw : FORBIDDEN_RAW) {
                assertFalse(text.contains(raw), raw + " survived in: " + text);
            }
        }
    }

    public static Plan plan() {
        return new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke sgr-1 from sg-1", UNDO);
    }

    /** Every way a remediation can end, by name. */
    public static Map<String, Outcome> outcomes() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("applied", new Outcome.Applied(plan(), "already revoked"));
        outcomes.put("planned", new Outcome.Planned(plan().withMode(RemediationMode.DRY_RUN)));
        outcomes.put("capped", new Outcome.Planned(plan().withMode(RemediationMode.DRY_RUN),
                "not enforced: the OUs of account 111111111111 could not be read"));
        outcomes.put("skipped", new Outcome.Skipped(plan(), "exempt by tag watchpost:exempt"));
        outcomes.put("failed", new Outcome.Failed(plan(), "UnauthorizedOperation"));
        return outcomes;
    }

    public static Finding fixtureFinding(String fixture) {
        return fixtureFinding(Fixtures.event(fixture));
    }

    public static Alert fixtureAlert(String fixture, Optional<Outcome> outcome) {
        return new Alert(fixtureFinding(fixture), outcome, HANDLED);
    }

    /** The SSH fixture, remediation applied. */
    public static Alert sshApplied() {
        return fixtureAlert(SSH_FIXTURE, Optional.of(outcomes().get("applied")));
    }

    public static AlertFacts sshFacts() {
        return AlertFacts.of(sshApplied());
    }

    /**
     * The SSH fixture as forwarded from another account and region of the organization (envelope, recipient account,
     * region and caller all moved there), with {@code outcome} about that account's group.
     */
    public static Alert memberAlert(String account, String region, Optional<Outcome> outcome) {
        return new Alert(fixtureFinding(memberEvent(SSH_FIXTURE, account, region)), outcome, HANDLED);
    }

    /** {@link #memberAlert} in {@link #MEMBER_ACCOUNT}, {@link #MEMBER_REGION}, remediation applied. */
    public static Alert memberApplied() {
        Plan plan = new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke sgr-1 from sg-1", MEMBER_UNDO);
        return memberAlert(MEMBER_ACCOUNT, MEMBER_REGION, Optional.of(new Outcome.Applied(plan, "")));
    }

    /** A fixture's bytes with its account and region replaced wherever the event states them. */
    public static byte[] memberEventBytes(String fixture, String account, String region) {
        try {
            ObjectNode envelope = (ObjectNode) MAPPER.readTree(Fixtures.bytes(fixture));
            envelope.put("account", account).put("region", region);
            ObjectNode detail = (ObjectNode) envelope.path("detail");
            detail.put("recipientAccountId", account).put("awsRegion", region);
            ObjectNode who = (ObjectNode) detail.path("userIdentity");
            who.put("accountId", account).put("arn", who.path("arn").asText().replace("123456789012", account));
            return MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CloudTrailEvent memberEvent(String fixture, String account, String region) {
        try {
            return CloudTrailEvent.parse(memberEventBytes(fixture, account, region));
        } catch (MalformedEventException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Finding fixtureFinding(CloudTrailEvent event) {
        return Detections.defaults(Fixtures.parameters()).forEvent(event).stream()
                .flatMap(detection -> detection.evaluate(event).stream())
                .findFirst().orElseThrow(() -> new IllegalStateException("the event fires nothing"));
    }

    /** The fields an attacker chooses, through the API call they make. */
    public enum Field { TITLE, USER_AGENT, PRINCIPAL, SOURCE_IP, RESOURCE, CONTEXT, UNDO, SKIP_REASON }

    /** Hostile strings in every attacker-chosen field; {@code filler} characters make each one long. */
    public static Alert hostile(int filler) {
        return hostile(Set.of(Field.values()), filler);
    }

    /** Hostile strings (plus a forged e-mail line) in the given fields only. */
    public static Alert hostile(Set<Field> fields, int filler) {
        String bad = HOSTILE_TEXT + " \r\nSubject: forged " + "A".repeat(filler);
        Function<Field, String> pick = field -> fields.contains(field) ? bad : "";
        ObjectNode detail = MAPPER.createObjectNode()
                .put("eventName", "AuthorizeSecurityGroupIngress").put("eventSource", "ec2.amazonaws.com")
                .put("eventID", "e-1").put("eventTime", "2026-11-02T10:15:30Z").put("awsRegion", "us-east-1")
                .put("recipientAccountId", "123456789012").put("sourceIPAddress", "203.0.113.9" + pick.apply(
                        Field.SOURCE_IP)).put("userAgent", "curl/8.5 " + pick.apply(Field.USER_AGENT));
        ObjectNode who = detail.putObject("userIdentity").put("type", "AssumedRole")
                .put("arn", "arn:aws:sts::123456789012:assumed-role/r/session" + pick.apply(Field.PRINCIPAL));
        who.putObject("sessionContext").putObject("attributes").put("mfaAuthenticated", "false");
        CloudTrailEvent event;
        try {
            event = CloudTrailEvent.of(detail);
        } catch (MalformedEventException e) {
            throw new IllegalStateException(e);
        }
        DetectionInfo info = Detections.defaults(DetectionParameters.defaults()).byId(SecurityGroupAdminPortOpen.ID)
                .orElseThrow().info();
        Finding finding = new Finding(info, Severity.CRITICAL, "Open on sg-0123" + pick.apply(Field.TITLE), event,
                List.of(new Resource(Resource.SECURITY_GROUP, "sg-0123" + pick.apply(Field.RESOURCE))),
                Map.of("permissions", "tcp 22 from 0.0.0.0/0" + pick.apply(Field.CONTEXT)), FindingDetails.NONE);
        String undo = "aws ec2 authorize-security-group-ingress --description 'ssh"
                + (fields.contains(Field.UNDO) ? " ``` `whoami` " + bad : "") + "'";
        Plan plan = new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke sgr-1 from sg-0123", undo);
        return new Alert(finding, Optional.of(new Outcome.Skipped(plan, "exempt" + pick.apply(Field.SKIP_REASON))),
                HANDLED);
    }
}
