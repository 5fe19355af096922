package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.state.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The state table as a plain {@code cdk synth} deploys it: one table, on demand, encrypted with the stack's key,
 * expiring items, recoverable to a point in time, deleted with the stack; each family function may only claim findings
 * in it (put, update) and keep its sweep's exposures (get, put, delete, scan), and is told its name.
 */
final class StateStoreTest {
    private static Synthesized synthesized;
    private static Template template;
    private static String tableId;
    private static String keyId;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.defaults();
        template = synthesized.template();
        tableId = synthesized.onlyLogicalId("AWS::DynamoDB::Table");
        keyId = synthesized.onlyLogicalId("AWS::KMS::Key");
    }

    @Test
    void keysItemsByAStringPartitionKeyOnly_forFindingsAndLaterExposures() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", StateStore.tableName(Settings.DEFAULT_NAME_PREFIX),
                "KeySchema", List.of(Map.of("AttributeName", StateTable.PARTITION_KEY, "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", StateTable.PARTITION_KEY,
                        "AttributeType", "S"))));
    }

    @Test
    void billsOnDemand() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("BillingMode", "PAY_PER_REQUEST"));
    }

    @Test
    void encryptsWithTheStacksCustomerManagedKey() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("SSESpecification", Map.of(
                "SSEEnabled", true, "SSEType", "KMS",
                "KMSMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    }

    @Test
    void expiresItemsThroughTheTtlAttribute() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TimeToLiveSpecification", Map.of(
                "AttributeName", StateTable.TTL_ATTRIBUTE, "Enabled", true)));
    }

    @Test
    void keepsPointInTimeRecovery() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("PointInTimeRecoverySpecification",
                Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void isDeletedWithTheStack() {
        template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete",
                "UpdateReplacePolicy", "Delete"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void givesEachFunctionTheTableName(Family family) {
        JsonNode variables = synthesized.properties(synthesized.family(family).function())
                .path("Environment").path("Variables");
        assertEquals(Synthesized.ref(tableId), variables.path(Settings.STATE_TABLE));
    }

    /**
     * Across every identity policy of the stack: DynamoDB actions are the functions' claims (PutItem, UpdateItem) and
     * their sweeps' memory (GetItem, PutItem, DeleteItem, Scan), one statement of each per function.
     */
    @Test
    void grantsOnlyTheClaimAndExposureCalls_onThisTableOnly() {
        Set<String> actions = new TreeSet<>();
        List<JsonNode> resources = new ArrayList<>();
        for (String policy : synthesized.logicalIds("AWS::IAM::Policy")) {
            for (JsonNode statement : Synthesized.elements(synthesized.properties(policy).path("PolicyDocument")
                    .path("Statement"))) {
                List<String> dynamo = Synthesized.elements(statement.path("Action")).stream().map(JsonNode::asText)
                        .filter(action -> action.startsWith("dynamodb:")).toList();
                if (!dynamo.isEmpty()) {
                    actions.addAll(dynamo);
                    resources.addAll(Synthesized.elements(statement.path("Resource")));
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:Scan", "dynamodb:UpdateItem")), actions);
        assertEquals(2 * Family.values().length, resources.size(), resources.toString());
        resources.forEach(resource -> assertEquals(Synthesized.getAtt(tableId, "Arn"), resource));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void letsEachFunctionDecryptTheTableKey_throughDynamoDbOnly(Family family) {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", synthesized.family(family).role())),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Effect", "Allow",
                        "Action", "kms:Decrypt",
                        "Resource", Map.of("Fn::GetAtt", List.of(keyId, "Arn")),
                        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", Map.of("Fn::Join", List.of("",
                                List.of("dynamodb.", Map.of("Ref", "AWS::Region"), ".",
                                        Map.of("Ref", "AWS::URLSuffix"))))))))))));
    }

    /** In an organization deployment, the central stack keeps the memory; member accounts get no table. */
    @Test
    void livesInTheCentralStackOnly_inAnOrganizationDeployment() {
        OrganizationSynthesized organization = OrganizationSynthesized.get();

        organization.central().resourceCountIs("AWS::DynamoDB::Table", 1);
        organization.central().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", StateStore.tableName(OrganizationSynthesized.PREFIX)));
        organization.central().hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of(
                "Variables", Match.objectLike(Map.of(Settings.STATE_TABLE, Match.anyValue())))));
        organization.memberRoles().resourceCountIs("AWS::DynamoDB::Table", 0);
        organization.forwarder().resourceCountIs("AWS::DynamoDB::Table", 0);
        organization.stackSets().resourceCountIs("AWS::DynamoDB::Table", 0);
    }
}
