package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.TestWiring;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.sweep.SweepDigest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network function of a central account answering the schedule, against moto: {@code {"watchpost":"sweep"}}
 * covers its own account and a listed member account (through the member role) in two regions, revokes what is open
 * there, leaves an exempt group and says why; {@code {"watchpost":"digest"}} lists what stays open; every scheduled
 * request counts a heartbeat. With discovery on, an account the member-roles StackSet deployed to (moto's
 * CloudFormation StackSets) is swept without being listed; when the StackSet cannot be listed, the listed account is
 * still swept and the failure is a sweep problem (metric and log) and a line of the digest. Moto reports every stack
 * instance {@code CURRENT}; failed and outdated instances are covered on the wire ({@code SweepCoverageTest}).
 */
class ScheduledSweepMotoTest {
    private static final String CENTRAL = MotoServer.DEFAULT_ACCOUNT;
    private static final String MEMBER = "111111111111";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + CENTRAL + ":watchpost-alerts";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MEMBER_ROLES_STACK_SET = "watchpost-member-roles";
    /** Any template: the stack instance only has to exist. */
    private static final String TEMPLATE = """
            {"Resources": {"Placeholder": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}""";
    private static final StaticCredentialsProvider CENTRAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000000", "central-secret"));
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final FakeSns sns = new FakeSns();
    private final FakeContext context = new FakeContext();
    private final Map<String, String> openGroups = new HashMap<>();
    private String exemptGroup;
    private FamilyEventsHandler handler;

    @BeforeEach
    void plantAndWire() {
        for (String account : List.of(CENTRAL, MEMBER)) {
            for (String region : REGIONS) {
                try (Ec2Client ec2 = ec2(account, region)) {
                    String group = ec2.createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
                    ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                            .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
                    openGroups.put(account + "/" + region, group);
                }
            }
        }
        try (Ec2Client ec2 = ec2(CENTRAL, "us-east-1")) {
            exemptGroup = ec2.createSecurityGroup(r -> r.groupName("bastion").description("jump")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(exemptGroup).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
            ec2.createTags(r -> r.resources(exemptGroup).tags(t -> t.key(Settings.DEFAULT_EXEMPT_TAG_KEY)
                    .value("jump host until=2999-12-31")));
        }
        handler = handler(Map.of(SweepSettings.ACCOUNTS, MEMBER));
    }

    /** The central network function, listing member accounts or discovering them as {@code sweepEnv} says. */
    private FamilyEventsHandler handler(Map<String, String> sweepEnv) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.TOPIC_ARN, TOPIC, Settings.ACCOUNT_ID, CENTRAL,
                Settings.MEMBER_ROLES, "true", "AWS_REGION", "us-east-1",
                SweepSettings.REGIONS, String.join(",", REGIONS)));
        env.putAll(sweepEnv);
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.US_EAST_1, CENTRAL_CREDENTIALS));
        Pipeline pipeline = TestWiring.lambdaPipeline(Family.NETWORK, env, clients, clients::sts, sns);
        return new FamilyEventsHandler(Family.NETWORK, pipeline, Clock.systemUTC(),
                () -> LambdaSweep.fromEnvironment(Family.NETWORK, env, clients, clients::sts,
                        AlertClients.snsOnly(sns), Wiring::deployModes, clients::dynamoDb)) {};
    }

    @Test
    void sweepsEveryAccountAndRegion_revokingThroughTheMemberRole() {
        JsonNode answer = invoke("{\"watchpost\":\"sweep\"}");

        assertEquals(0, answer.path("problems").asInt(), context.logLines.toString());
        for (String account : List.of(CENTRAL, MEMBER)) {
            for (String region : REGIONS) {
                assertEquals(List.of(), ingress(account, region, openGroups.get(account + "/" + region)),
                        account + "/" + region + " revoked");
            }
        }
        assertEquals(1, ingress(CENTRAL, "us-east-1", exemptGroup).size(), "the exempt group is untouched");
        List<JsonNode> findings = publishedFindings();
        assertTrue(findings.stream().allMatch(f -> f.path("origin").asText().equals("sweep")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.path("account").asText().equals(MEMBER)
                && f.path("outcome").path("status").asText().equals("applied")), findings.toString());
    }

    @Test
    void digestListsTheExemptGroupThatStaysOpen_andIsMarkedForTheSlackNotifierToSkip() {
        invoke("{\"watchpost\":\"sweep\"}");
        sns.published.clear();

        JsonNode answer = invoke("{\"watchpost\":\"digest\"}");

        assertTrue(answer.path("open").asInt() >= 1, answer.toString());
        String digest = sns.published.getFirst().message();
        assertTrue(digest.contains(exemptGroup) && digest.contains("exempt by tag watchpost:exempt: jump host"),
                digest);
        assertEquals(SweepDigest.KIND, sns.published.getFirst().messageAttributes()
                .get(SweepDigest.KIND_ATTRIBUTE).stringValue());
    }

    @Test
    void sweepsAnAccountTheMemberRolesStackSetDeployedTo_withoutItBeingListed() {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().endpointOverride(MOTO.uri())
                .region(Region.US_EAST_1).credentialsProvider(CENTRAL_CREDENTIALS).build()) {
            cloudFormation.createStackSet(r -> r.stackSetName(MEMBER_ROLES_STACK_SET).templateBody(TEMPLATE));
            cloudFormation.createStackInstances(r -> r.stackSetName(MEMBER_ROLES_STACK_SET).accounts(MEMBER)
                    .regions("us-east-1"));
        }
        handler = handler(Map.of(SweepSettings.DISCOVER_CALL_AS, SweepSettings.DELEGATED_ADMIN));

        JsonNode answer = invoke("{\"watchpost\":\"sweep\"}");

        assertEquals(0, answer.path("problems").asInt(), context.logLines.toString());
        for (String region : REGIONS) {
            assertEquals(List.of(), ingress(MEMBER, region, openGroups.get(MEMBER + "/" + region)),
                    MEMBER + "/" + region + " revoked through the member role");
        }
    }

    @Test
    void whenTheStackSetCannotBeListed_sweepsTheListedAccount_andReportsTheFailure() {
        handler = handler(Map.of(SweepSettings.ACCOUNTS, MEMBER,
                SweepSettings.DISCOVER_CALL_AS, SweepSettings.DELEGATED_ADMIN));

        JsonNode answer = invoke("{\"watchpost\":\"sweep\"}");

        assertEquals(1, answer.path("problems").asInt(), context.logLines.toString());
        assertEquals(List.of(), ingress(MEMBER, "us-east-1", openGroups.get(MEMBER + "/us-east-1")),
                "the listed account is still swept");
        String sweepLine = context.logLines.stream().filter(line -> line.contains("\"message\":\"sweep\""))
                .findFirst().orElseThrow();
        assertTrue(sweepLine.contains("\"SweepProblems\":1") && sweepLine.contains("member accounts not discovered: "
                + "could not list the instances of StackSet watchpost-member-roles (CallAs DELEGATED_ADMIN)"),
                sweepLine);
    }

    @Test
    void digestSaysTheOrganizationWasNotDiscovered_whenTheStackSetCannotBeListed() {
        handler = handler(Map.of(SweepSettings.DISCOVER_CALL_AS, SweepSettings.DELEGATED_ADMIN));

        invoke("{\"watchpost\":\"digest\"}");

        String digest = sns.published.getFirst().message();
        assertTrue(digest.contains("Not swept, so not in this list:\n  member accounts not discovered"), digest);
    }

    @Test
    void countsAHeartbeat_forEveryScheduledRequest() {
        JsonNode answer = invoke("{\"watchpost\":\"heartbeat\"}");

        assertEquals("ALIVE", answer.path("status").asText());
        assertTrue(context.logLines.stream().anyMatch(line -> line.contains("\"Heartbeat\":1")),
                context.logLines.toString());
        assertEquals(List.of(), sns.published, "a heartbeat alerts nobody");
    }

    private JsonNode invoke(String request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, context);
            return MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> publishedFindings() {
        return sns.published.stream().map(p -> {
            try {
                return MAPPER.readTree(MAPPER.readTree(p.message()).path("default").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> ingress(String account, String region, String group) {
        try (Ec2Client ec2 = ec2(account, region)) {
            return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                    .securityGroupRules().stream().filter(rule -> !rule.isEgress())
                    .map(SecurityGroupRule::securityGroupRuleId).toList();
        }
    }

    private static Ec2Client ec2(String account, String region) {
        return Ec2Client.builder().endpointOverride(MOTO.uri()).region(Region.of(region))
                .credentialsProvider(credentials(account)).build();
    }

    private static AwsCredentialsProvider credentials(String account) {
        if (account.equals(CENTRAL)) {
            return CENTRAL_CREDENTIALS;
        }
        try (StsClient sts = StsClient.builder().endpointOverride(MOTO.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CENTRAL_CREDENTIALS).build()) {
            Credentials session = sts.assumeRole(r -> r.roleSessionName("test-setup")
                    .roleArn(MemberRoles.roleArn("aws", account, "test-admin", Family.NETWORK))).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(session.accessKeyId(),
                    session.secretAccessKey(), session.sessionToken()));
        }
    }
}
