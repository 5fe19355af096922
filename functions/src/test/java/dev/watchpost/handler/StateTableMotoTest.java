package dev.watchpost.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.AlertClients;
import dev.watchpost.pipeline.FakeSns;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.state.DynamoFindingLedger;
import dev.watchpost.state.StateTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two containers of the network function (two pipelines, each with its own in-memory caches) sharing one state table
 * in moto, as when EventBridge or Lambda delivers an event again to another container. Each handles one event with
 * SSH open to the world on a group of moto's account, under the invocation (request id) it is given.
 */
class StateTableMotoTest {
    private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
    private static final String REGION = "us-east-1";
    private static final String TABLE = "watchpost-state";
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":watchpost-alerts";
    private static final String CHATBOT_TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":watchpost-chatbot";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTATE00000000000", "state-secret"));

    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private final FakeSns sns = new FakeSns();
    private DynamoDbClient dynamo;
    private byte[] event;
    private String dedupKey;

    @BeforeEach
    void createTheTableAndAnOpenGroup() {
        dynamo = DynamoDbClient.builder().endpointOverride(MOTO.uri()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).build();
        dynamo.createTable(table -> table.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(StateTable.PARTITION_KEY)
                        .attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(StateTable.PARTITION_KEY).keyType(KeyType.HASH)));
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(MOTO.uri()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).build()) {
            String group = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            String rule = ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                    .securityGroupRules().stream().filter(r -> !r.isEgress()).findFirst().orElseThrow()
                    .securityGroupRuleId();
            event = eventOn(group, rule);
        }
        dedupKey = "network.sg-admin-port-open/" + Fixtures.tree(
                "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json").path("detail").path("eventID").asText();
    }

    @AfterEach
    void closeClient() {
        dynamo.close();
    }

    @Test
    void remediatesOnceAndAlertsOnce_whenTwoContainersHandleTheSameEvent() {
        Container first = new Container(Map.of());
        Container second = new Container(Map.of());

        first.handle("request r-1");
        second.handle("request r-2");

        assertEquals(1, sns.publishedTo(TOPIC), "one alert");
        assertEquals(1, first.lines("\"message\":\"remediation\"").size(), first.log.toString());
        assertEquals(List.of(), second.lines("\"message\":\"remediation\""), "the second container did not remediate");
        List<String> suppressed = second.lines("\"" + JsonLogTelemetry.DUPLICATES_SUPPRESSED + "\":1");
        assertEquals(1, suppressed.size(), second.log.toString());
        assertTrue(suppressed.getFirst().contains("\"state\":\"alerted\""), "the log says why: " + suppressed);
        assertEquals("alerted", state());
    }

    @Test
    void sendsOnlyTheFailedSink_whenLambdaRetriesTheInvocationOnAnotherContainer() {
        Map<String, String> twoSinks = Map.of(Settings.CHATBOT_TOPIC_ARN, CHATBOT_TOPIC);
        sns.failNext(CHATBOT_TOPIC);
        Container first = new Container(twoSinks);
        Container second = new Container(twoSinks);

        assertThrows(AlertDeliveryException.class, () -> first.handle("request r-1"),
                "a failed sink fails the invocation");
        assertEquals("claimed", state());
        second.handle("request r-1");

        assertEquals(1, sns.publishedTo(TOPIC), "the topic delivered the first time and is not sent again");
        assertEquals(1, sns.publishedTo(CHATBOT_TOPIC), "the retry still alerts where the first attempt failed");
        assertEquals("alerted", state());
    }

    /** The first attempt claimed the finding, then its container died before alerting; Lambda retries it elsewhere. */
    @Test
    void alerts_whenTheRetryOfACrashedInvocationFindsItsOwnClaim() {
        plantClaim("request r-1", Instant.now());

        new Container(Map.of()).handle("request r-1");

        assertEquals(1, sns.publishedTo(TOPIC));
        assertEquals("alerted", state());
    }

    @Test
    void suppresses_whenAnotherInvocationHoldsAFreshClaim() {
        plantClaim("request r-1", Instant.now());

        Container other = new Container(Map.of());
        other.handle("request r-2");

        assertEquals(0, sns.publishedTo(TOPIC), "the invocation that claimed it is at work, or its retry will alert");
        assertEquals(1, other.lines("\"" + JsonLogTelemetry.DUPLICATES_SUPPRESSED + "\":1").size());
        assertEquals("claimed", state());
    }

    @Test
    void takesOver_aClaimOlderThanTheLease_whoseInvocationNeverAlerted() {
        plantClaim("request r-1", Instant.now().minus(DynamoFindingLedger.CLAIM_LEASE).minusSeconds(60));

        new Container(Map.of()).handle("request r-2");

        assertEquals(1, sns.publishedTo(TOPIC), "twice beats never");
        assertEquals("alerted", state());
    }

    @Test
    void doesNotAlertAgain_whenAnInvocationThatAlertedIsRetried() {
        new Container(Map.of()).handle("request r-1");

        Container retry = new Container(Map.of());
        retry.handle("request r-1");

        assertEquals(1, sns.publishedTo(TOPIC));
        assertEquals(List.of(), retry.lines("\"message\":\"remediation\""));
    }

    @Test
    void expiresTheFindingAfterTheRetention() {
        long before = Instant.now().getEpochSecond();

        new Container(Map.of()).handle("request r-1");

        long expires = Long.parseLong(item().get(StateTable.TTL_ATTRIBUTE).n());
        long retention = StateTable.FINDING_RETENTION.toSeconds();
        assertTrue(expires >= before + retention && expires <= Instant.now().getEpochSecond() + retention,
                "expires " + expires);
    }

    /** One container: a pipeline built as in production, talking to moto, with its own log. */
    private final class Container {
        final List<String> log = new ArrayList<>();
        private final Pipeline pipeline;

        Container(Map<String, String> settings) {
            Map<String, String> env = new HashMap<>(settings);
            env.put(Settings.TOPIC_ARN, TOPIC);
            env.put(Settings.ACCOUNT_ID, ACCOUNT);
            env.put(Settings.STATE_TABLE, TABLE);
            env.put("AWS_REGION", REGION);
            AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.of(REGION), CREDENTIALS));
            this.pipeline = Wiring.lambdaPipeline(Family.NETWORK, env, clients, clients::sts,
                    AlertClients.snsOnly(sns), Wiring::deployModes, clients::dynamoDb);
        }

        void handle(String invocation) {
            pipeline.process(event, invocation, new JsonLogTelemetry(log::add, "watchpost-network",
                    Clock.systemUTC()));
        }

        List<String> lines(String containing) {
            return log.stream().filter(line -> line.contains(containing)).toList();
        }
    }

    private void plantClaim(String owner, Instant at) {
        dynamo.putItem(put -> put.tableName(TABLE).item(Map.of(
                StateTable.PARTITION_KEY, AttributeValue.fromS(StateTable.findingKey(dedupKey)),
                "state", AttributeValue.fromS("claimed"),
                "owner", AttributeValue.fromS(owner),
                "claimedAt", AttributeValue.fromN(Long.toString(at.getEpochSecond())),
                StateTable.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(
                        at.plus(StateTable.FINDING_RETENTION).getEpochSecond())))));
    }

    private Map<String, AttributeValue> item() {
        return dynamo.getItem(get -> get.tableName(TABLE).consistentRead(true)
                .key(Map.of(StateTable.PARTITION_KEY, AttributeValue.fromS(StateTable.findingKey(dedupKey))))).item();
    }

    private String state() {
        return item().get("state").s();
    }

    /** The fixture of SSH opened to the world, naming the group and rule planted in moto. */
    private static byte[] eventOn(String group, String rule) {
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        envelope.put("account", ACCOUNT);
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("recipientAccountId", ACCOUNT);
        ((ObjectNode) detail.path("requestParameters")).put("groupId", group);
        ObjectNode item = (ObjectNode) detail.path("responseElements").path("securityGroupRuleSet").path("items")
                .get(0);
        item.put("groupId", group).put("securityGroupRuleId", rule).put("groupOwnerId", ACCOUNT);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }
}
