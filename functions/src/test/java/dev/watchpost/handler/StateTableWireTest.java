package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.FixtureDeployment;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.state.StateTable;
import dev.watchpost.wire.DynamoDbWire;
import dev.watchpost.wire.Ec2Wire;
import dev.watchpost.wire.SnsWire;
import dev.watchpost.wire.WireServer.Reply;
import dev.watchpost.wire.WireServer.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network function with a state table, against DynamoDB on the wire (JSON 1.0): the claim is a conditional
 * {@code PutItem}; a lost claim suppresses the alert; a throttled, failing or forbidden table never does, and is
 * counted as {@value JsonLogTelemetry#STATE_UNAVAILABLE}.
 */
class StateTableWireTest {
    private static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    private static final String DEDUP_KEY = "network.sg-admin-port-open/61b541e0-710e-4398-b8a6-e75e290e2978";
    private static final String GROUP = "sg-2c53d16ce65dea612";
    private static final String TABLE = "watchpost-state";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** No account id: remediation is skipped without a call, so only DynamoDB and SNS are on the wire. */
    @AutoClose
    private final WireHarness harness = new WireHarness(Family.NETWORK, Map.of(Settings.STATE_TABLE, TABLE));

    static Stream<Arguments> unavailableTables() {
        return Stream.of(
                Arguments.of("ProvisionedThroughputExceededException", DynamoDbWire.throughputExceeded(),
                        AwsClients.STATE_MAX_ATTEMPTS),
                Arguments.of("ThrottlingException", DynamoDbWire.throttled(), AwsClients.STATE_MAX_ATTEMPTS),
                Arguments.of("500 InternalServerError", DynamoDbWire.internalError(), AwsClients.STATE_MAX_ATTEMPTS),
                Arguments.of("AccessDeniedException", DynamoDbWire.accessDenied(), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unavailableTables")
    void stillAlerts_andCountsStateUnavailable_whenTheClaimCannotBeWritten(String name, Reply putItem,
                                                                           int attempts) throws Exception {
        harness.server.on("PutItem", putItem).on("Publish", SnsWire.published());

        String answer = harness.invoke(WORLD_SSH);

        assertEquals("{\"status\":\"PROCESSED\",\"findings\":1}", answer);
        assertEquals(1, harness.server.requests("Publish").size(), "twice beats never: the alert went out");
        assertEquals(attempts, harness.server.requests("PutItem").size(), "retried as the state client allows");
        assertEquals(List.of(), harness.server.requests("UpdateItem"), "no state is recorded without a claim");
        assertEquals(1, metricLines(JsonLogTelemetry.STATE_UNAVAILABLE).size(), harness.context.logLines.toString());
        assertEquals(List.of(), metricLines(JsonLogTelemetry.DUPLICATES_SUPPRESSED));
    }

    @Test
    void claimsTheFindingConditionally_withAnExpiry_thenRecordsItAlerted() throws Exception {
        harness.server.on("PutItem", DynamoDbWire.ok("PutItem")).on("UpdateItem", DynamoDbWire.ok("UpdateItem"))
                .on("Publish", SnsWire.published());
        long before = Instant.now().getEpochSecond();

        harness.invoke(WORLD_SSH);

        JsonNode put = body(harness.server.requests("PutItem").getFirst());
        assertEquals(TABLE, put.path("TableName").asText());
        assertEquals(StateTable.findingKey(DEDUP_KEY), put.path("Item").path("pk").path("S").asText());
        assertEquals("claimed", put.path("Item").path("state").path("S").asText());
        assertEquals("request " + harness.context.getAwsRequestId(), put.path("Item").path("owner").path("S").asText());
        long expires = put.path("Item").path(StateTable.TTL_ATTRIBUTE).path("N").asLong();
        assertTrue(expires >= before + StateTable.FINDING_RETENTION.toSeconds(), put.toString());
        assertTrue(put.path("ConditionExpression").asText().startsWith("attribute_not_exists(#pk)"), put.toString());
        JsonNode update = body(harness.server.requests("UpdateItem").getFirst());
        assertEquals(StateTable.findingKey(DEDUP_KEY), update.path("Key").path("pk").path("S").asText());
        assertEquals("alerted", update.path("ExpressionAttributeValues").path(":alerted").path("S").asText());
        assertEquals(1, harness.server.requests("Publish").size());
    }

    @Test
    void sendsNoAlert_andCountsADuplicate_whenAnotherInvocationHoldsTheClaim() throws Exception {
        harness.server.on("PutItem", DynamoDbWire.conditionFailed()).on("Publish", SnsWire.published());

        String answer = harness.invoke(WORLD_SSH);

        assertEquals("{\"status\":\"PROCESSED\",\"findings\":0}", answer);
        assertEquals(List.of(), harness.server.requests("Publish"));
        assertEquals(1, harness.server.requests("PutItem").size(), "a lost condition is an answer, not retried");
        assertEquals(1, metricLines(JsonLogTelemetry.DUPLICATES_SUPPRESSED).size());
        assertEquals(List.of(), metricLines(JsonLogTelemetry.STATE_UNAVAILABLE));
    }

    @Test
    void stillAlerts_whenTheAlertCannotBeRecorded() throws Exception {
        harness.server.on("PutItem", DynamoDbWire.ok("PutItem")).on("UpdateItem", DynamoDbWire.throttled())
                .on("Publish", SnsWire.published());

        String answer = harness.invoke(WORLD_SSH);

        assertEquals("{\"status\":\"PROCESSED\",\"findings\":1}", answer);
        assertEquals(1, harness.server.requests("Publish").size());
        assertEquals(1, metricLines(JsonLogTelemetry.STATE_UNAVAILABLE).size());
    }

    /** The table is down and SNS fails once: Lambda's retry in the same container alerts, and revokes nothing twice. */
    @Test
    void remediatesOncePerContainer_whenTheTableIsUnavailable() throws Exception {
        WireHarness enforcing = new WireHarness(Family.NETWORK, Map.of(Settings.STATE_TABLE, TABLE,
                Settings.ACCOUNT_ID, FixtureDeployment.ACCOUNT));
        try {
            enforcing.server.on("PutItem", DynamoDbWire.internalError())
                    .on("DescribeSecurityGroups", Ec2Wire.securityGroup(GROUP, null, null))
                    .on("DescribeSecurityGroupRules", Ec2Wire.securityGroupRule("sgr-25848eff2234755a5", GROUP, false,
                            "tcp", 22, 22, "0.0.0.0/0"))
                    .on("RevokeSecurityGroupIngress", Ec2Wire.ok("RevokeSecurityGroupIngress"))
                    .on("Publish", SnsWire.internalError());
            assertThrows(RuntimeException.class, () -> enforcing.invoke(WORLD_SSH));
            enforcing.server.on("Publish", SnsWire.published());

            enforcing.invoke(WORLD_SSH);

            assertEquals(1, enforcing.server.requests("RevokeSecurityGroupIngress").size());
            assertEquals(AwsClients.STATE_MAX_ATTEMPTS, enforcing.server.requests("PutItem").size(),
                    "the retry does not ask the table again: this container already took the finding on");
        } finally {
            enforcing.server.close();
        }
    }

    private List<String> metricLines(String metric) {
        return harness.context.logLines.stream().filter(line -> line.contains("\"" + metric + "\":1")).toList();
    }

    private static JsonNode body(Request request) {
        try {
            return MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
