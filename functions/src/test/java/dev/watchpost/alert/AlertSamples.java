package dev.watchpost.alert;

import dev.watchpost.Fixtures;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alerts for formatter and sink tests: from real fixtures, with every outcome, and with hostile strings everywhere. */
public final class AlertSamples {
    public static final Instant HANDLED = Instant.parse("2026-11-02T10:15:42Z");
    public static final String SSH_FIXTURE = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    public static final String UNDO = "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions x";

    /** Attacker-controlled strings that must show as text in every channel. */
    public static final List<String> HOSTILE = List.of("<!channel>", "<@U123>", "<https://evil.example|click here>",
            "```", "&");
    /** What must never appear raw in Slack or Chatbot text. */
    public static final List<String> FORBIDDEN_RAW = List.of("<!channel>", "<@U123>", "<https://evil.example",
            "click here>");
    private static final String HOSTILE_TEXT = String.join(" ", HOSTILE);

    private AlertSamples() {}

    public static Plan plan() {
        return new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke sgr-1 from sg-1", UNDO);
    }

    /** Every way a remediation can end, by name. */
    public static Map<String, Outcome> outcomes() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("applied", new Outcome.Applied(plan(), "already revoked"));
        outcomes.put("planned", new Outcome.Planned(plan().withMode(RemediationMode.DRY_RUN)));
        outcomes.put("skipped", new Outcome.Skipped(plan(), "exempt by tag watchpost:exempt"));
        outcomes.put("failed", new Outcome.Failed(plan(), "UnauthorizedOperation"));
        return outcomes;
    }

    public static Finding fixtureFinding(String fixture) {
        CloudTrailEvent event = Fixtures.event(fixture);
        return Detections.defaults(DetectionParameters.defaults()).forEvent(event).stream()
                .flatMap(detection -> detection.evaluate(event).stream())
                .findFirst().orElseThrow(() -> new IllegalStateException(fixture + " fires nothing"));
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
     * Hostile strings in every field an attacker chooses: user agent, session name, resource id, a context value, the
     * undo command (which quotes rule descriptions), the skip reason; {@code filler} characters make them long.
     */
    public static Alert hostile(int filler) {
        String tail = "A".repeat(filler);
        String json = """
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","eventID":"e-1",
                 "eventTime":"2026-11-02T10:15:30Z","awsRegion":"us-east-1","recipientAccountId":"123456789012",
                 "sourceIPAddress":"203.0.113.9", "userAgent":%s,
                 "userIdentity":{"type":"AssumedRole","arn":%s,
                   "sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
                 "requestParameters":{"groupId":"sg-0123456789abcdef0"}}
                """.formatted(quoted("curl " + HOSTILE_TEXT + tail),
                quoted("arn:aws:sts::123456789012:assumed-role/r/" + HOSTILE_TEXT + tail));
        CloudTrailEvent event;
        try {
            event = CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEventException e) {
            throw new IllegalStateException(e);
        }
        DetectionInfo info = Detections.defaults(DetectionParameters.defaults()).byId(SecurityGroupAdminPortOpen.ID)
                .orElseThrow().info();
        Finding finding = new Finding(info, Severity.CRITICAL, "Open on sg-0123 " + HOSTILE_TEXT + tail, event,
                List.of(new Resource(Resource.SECURITY_GROUP, "sg-0123" + HOSTILE_TEXT + tail)),
                Map.of("permissions", "tcp 22 from 0.0.0.0/0 " + HOSTILE_TEXT + tail), FindingDetails.NONE);
        Plan plan = new Plan("revoke-security-group-rules", RemediationMode.ENFORCE, List.of("sgr-1"),
                "Revoke " + HOSTILE_TEXT, "aws ec2 authorize-security-group-ingress --description '"
                + HOSTILE_TEXT + " ``` `whoami` " + tail + "'");
        return new Alert(finding, Optional.of(new Outcome.Skipped(plan, "exempt: " + HOSTILE_TEXT + tail)), HANDLED);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
