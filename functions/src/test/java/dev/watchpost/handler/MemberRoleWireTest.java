package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.RecordingTelemetry;
import dev.watchpost.pipeline.TestWiring;
import dev.watchpost.remediate.MemberRoleTargets;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.Targets;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.StsWire;
import dev.watchpost.wire.WireServer.Request;
import dev.watchpost.wire.WireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central network function's member-role path on the wire (real SDK clients, a loopback server answering as STS,
 * EC2 and SNS): the exact AssumeRole request, sessions renewed before they expire, and the faults an organization
 * brings (a role that cannot be assumed, a region not enabled), each a {@code Failed} outcome in an alert that is
 * still sent.
 */
class MemberRoleWireTest {
    private static final String CENTRAL = "123456789012";
    private static final String MEMBER = "111111111111";
    private static final String ROLE = "arn:aws:iam::111111111111:role/watchpost/watchpost-member-network";
    private static final String GROUP = "sg-2c53d16ce65dea612";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireServer server = new WireServer();
    private final AwsClients clients = new AwsClients(new AwsClients.Endpoint(server.uri(), Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000000", "central-secret"))));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void assumesExactlyTheFamilysMemberRole_withItsSessionNameAndExternalId() {
        server.on("AssumeRole", StsWire.assumed(MEMBER, "ASIAFIRST", Instant.now().plus(Duration.ofHours(1))))
                .on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                .on("DescribeSecurityGroupRules", Ec2Wire.securityGroupRule("sgr-25848eff2234755a5", GROUP, false,
                        "tcp", 22, 22, "0.0.0.0/0"))
                .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                .on("Publish", SnsWire.published());

        JsonNode finding = handle(Map.of(Settings.EXTERNAL_ID, "watchpost-org-7"), "us-east-1");

        assertEquals("applied", finding.path("outcome").path("status").asText(), finding.toString());
        Map<String, String> assume = server.requests("AssumeRole").getFirst().form();
        assertEquals(ROLE, assume.get("RoleArn"));
        assertEquals("watchpost-network-remediate", assume.get("RoleSessionName"));
        assertEquals("watchpost-org-7", assume.get("ExternalId"));
        assertTrue(signedWith(server.requests("RevokeSecurityGroupIngress").getFirst(), "ASIAFIRST"),
                "the revoke is signed with the member session");
    }

    @Test
    void failsWithTheReason_andStillAlerts_whenTheMemberRoleCannotBeAssumed() {
        server.on("AssumeRole", StsWire.accessDenied(ROLE)).on("Publish", SnsWire.published());

        JsonNode finding = handle(Map.of(), "us-east-1");

        JsonNode outcome = finding.path("outcome");
        assertEquals("failed", outcome.path("status").asText(), finding.toString());
        String text = outcome.toString();
        assertTrue(text.contains("AccessDenied") && text.contains(ROLE) && text.contains("member-roles stack"), text);
        assertEquals(List.of(), server.requests("DescribeSecurityGroups"), "nothing is looked up without the role");
        assertEquals(List.of(), server.requests("RevokeSecurityGroupIngress"));
    }

    @Test
    void failsWithTheReason_andStillAlerts_whenTheRegionIsNotEnabled() {
        server.on("AssumeRole", StsWire.assumed(MEMBER, "ASIAFIRST", Instant.now().plus(Duration.ofHours(1))))
                .on("DescribeSecurityGroups", Ec2Wire.error(401, "AuthFailure",
                        "AWS was not able to validate the provided access credentials"))
                .on("Publish", SnsWire.published());

        JsonNode finding = handle(Map.of(), "ap-east-1");

        JsonNode outcome = finding.path("outcome");
        assertEquals("failed", outcome.path("status").asText(), finding.toString());
        assertTrue(outcome.toString().contains("region may not be enabled"), outcome.toString());
        assertEquals(List.of(), server.requests("RevokeSecurityGroupIngress"));
    }

    @Test
    void keepsASession_thenRenewsItBeforeItExpires_andSignsWithTheNewOne() {
        Instant start = Instant.parse("2026-12-05T12:00:00Z");
        MutableClock clock = new MutableClock(start);
        server.on("AssumeRole", StsWire.assumed(MEMBER, "ASIAFIRST", start.plus(Duration.ofHours(1))),
                        StsWire.assumed(MEMBER, "ASIASECOND", start.plus(Duration.ofHours(2))))
                .on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null));
        MemberRoleTargets targets = new MemberRoleTargets(new OwnAccountTargets(CENTRAL, clients), clients.sts(),
                clients, "aws", "watchpost", Family.NETWORK, "", clock);

        describeWith(targets.reach(MEMBER, "us-east-1"));
        clock.now = start.plus(Duration.ofMinutes(50));
        describeWith(targets.reach(MEMBER, "eu-west-1"));
        assertEquals(1, server.requests("AssumeRole").size(), "one session serves every region until near its end");

        clock.now = start.plus(Duration.ofHours(1)).minus(MemberRoleTargets.REFRESH_BEFORE);
        describeWith(targets.reach(MEMBER, "us-east-1"));

        assertEquals(2, server.requests("AssumeRole").size(), "renewed before it expired");
        List<Request> describes = server.requests("DescribeSecurityGroups");
        assertTrue(signedWith(describes.get(0), "ASIAFIRST") && signedWith(describes.get(1), "ASIAFIRST"));
        assertTrue(signedWith(describes.get(2), "ASIASECOND"), "the renewed session's credentials are used");
    }

    @Test
    void assumesAgain_afterARefusal_onceTheRoleExists() {
        server.on("AssumeRole", StsWire.accessDenied(ROLE),
                StsWire.assumed(MEMBER, "ASIAFIRST", Instant.now().plus(Duration.ofHours(1))));
        MemberRoleTargets targets = new MemberRoleTargets(new OwnAccountTargets(CENTRAL, clients), clients.sts(),
                clients, "aws", "watchpost", Family.NETWORK, "", Clock.systemUTC());

        assertTrue(assertInstanceOf(Targets.Reach.Unreachable.class, targets.reach(MEMBER, "us-east-1")).attempted());
        assertInstanceOf(Targets.Reach.Reachable.class, targets.reach(MEMBER, "us-east-1"));
    }

    private static void describeWith(Targets.Reach reach) {
        assertInstanceOf(Targets.Reach.Reachable.class, reach, reach.toString()).clients().ec2()
                .describeSecurityGroups(r -> r.groupIds(GROUP));
    }

    private static boolean signedWith(Request request, String accessKey) {
        return request.headers().entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase("authorization")
                && header.getValue().contains("Credential=" + accessKey + "/"));
    }

    /** Handles the fixture of SSH opened to the world as if it came from the member account, in {@code region}. */
    private JsonNode handle(Map<String, String> extra, String region) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.TOPIC_ARN, FixtureDeployment.TOPIC, Settings.ACCOUNT_ID,
                CENTRAL, Settings.MEMBER_ROLES, "true", "AWS_REGION", "us-east-1"));
        env.putAll(extra);
        Pipeline pipeline = TestWiring.lambdaPipeline(Family.NETWORK, env, clients, clients::sts, clients.sns());
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        envelope.put("account", MEMBER).put("region", region);
        ((ObjectNode) envelope.get("detail")).put("recipientAccountId", MEMBER).put("awsRegion", region);
        pipeline.process(envelope.toString().getBytes(StandardCharsets.UTF_8), "wire test", new RecordingTelemetry());
        List<Request> publishes = server.requests("Publish");
        assertEquals(1, publishes.size(), "the alert is sent");
        try {
            return MAPPER.readTree(MAPPER.readTree(publishes.getFirst().form().get("Message")).path("default").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock a test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
