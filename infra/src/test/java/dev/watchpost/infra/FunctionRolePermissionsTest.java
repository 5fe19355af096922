package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.Remediations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network function's role holds exactly what the function calls: the remediations' declared actions, publishing
 * to the alert topic (with the KMS calls its key needs), writing its own logs and sending failed invocations to its
 * dead-letter queue. Every policy that names the role is read, so a grant added anywhere shows up here.
 */
final class FunctionRolePermissionsTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());

    /** What every family function needs besides its remediations. */
    private static final Set<String> RUNTIME_ACTIONS = Set.of(
            "sns:Publish",
            "kms:Decrypt", "kms:GenerateDataKey*",
            "logs:CreateLogStream", "logs:PutLogEvents",
            "sqs:SendMessage");

    private static Synthesized synthesized;
    private static String roleId;
    private static List<JsonNode> statements;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.defaults();
        roleId = synthesized.onlyLogicalId("AWS::IAM::Role");
        statements = statementsOfPoliciesAttachedTo(roleId);
    }

    @Test
    void grantsExactlyTheRemediationAndRuntimeActions() {
        SortedSet<String> expected = new TreeSet<>(RUNTIME_ACTIONS);
        Remediations.catalog().stream()
                .filter(r -> REGISTRY.byId(r.detectionId()).orElseThrow().info().family() == Family.NETWORK)
                .forEach(r -> expected.addAll(r.iamActions()));
        assertTrue(expected.contains("ec2:RevokeSecurityGroupIngress"), "the catalog changed: " + expected);

        SortedSet<String> granted = new TreeSet<>();
        statements.forEach(statement -> Synthesized.elements(statement.path("Action"))
                .forEach(action -> granted.add(action.asText())));

        SortedSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(granted);
        SortedSet<String> extra = new TreeSet<>(granted);
        extra.removeAll(expected);
        assertEquals(expected, granted, "missing " + missing + ", not declared " + extra);
    }

    @Test
    void everyStatementAllows() {
        statements.forEach(statement -> assertEquals("Allow", statement.path("Effect").asText(), statement::toString));
    }

    @Test
    void grantsNoServiceWildcard() {
        for (JsonNode statement : statements) {
            for (JsonNode action : Synthesized.elements(statement.path("Action"))) {
                assertFalse(action.asText().equals("*") || action.asText().endsWith(":*"), statement::toString);
            }
        }
        assertTrue(statements.stream().noneMatch(statement -> statement.has("NotAction")
                || statement.has("NotResource")));
    }

    @Test
    void usesNoManagedPolicy() {
        assertTrue(synthesized.properties(roleId).path("ManagedPolicyArns").isMissingNode());
        assertTrue(synthesized.properties(roleId).path("Policies").isMissingNode());
    }

    @Test
    void grantsResourceStarOnlyToDescribeCalls() {
        Set<String> onStar = new TreeSet<>();
        for (JsonNode statement : statements) {
            if (Synthesized.elements(statement.path("Resource")).stream().anyMatch(r -> r.asText().equals("*"))) {
                Synthesized.elements(statement.path("Action")).forEach(action -> onStar.add(action.asText()));
            }
        }
        assertEquals(Set.of("ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups"), onStar);
    }

    @Test
    void scopesRevokeToSecurityGroupsAndRulesOfThisAccountAndRegion() {
        JsonNode statement = onlyStatementWith("ec2:RevokeSecurityGroupIngress");
        assertEquals(List.of(ec2Arn("security-group"), ec2Arn("security-group-rule")),
                Synthesized.elements(statement.path("Resource")));
    }

    @Test
    void publishesOnlyToTheAlertTopicAndUsesOnlyItsKey() {
        String topicId = synthesized.onlyLogicalId("AWS::SNS::Topic");
        String keyId = synthesized.onlyLogicalId("AWS::KMS::Key");
        assertEquals(ref(topicId), onlyStatementWith("sns:Publish").path("Resource"));
        assertEquals(getAtt(keyId, "Arn"), onlyStatementWith("kms:GenerateDataKey*").path("Resource"));
    }

    @Test
    void writesOnlyItsOwnLogGroupAndDeadLetterQueue() {
        String logGroupId = synthesized.onlyLogicalId("AWS::Logs::LogGroup");
        String queueId = synthesized.onlyLogicalId("AWS::SQS::Queue");
        assertEquals(getAtt(logGroupId, "Arn"), onlyStatementWith("logs:PutLogEvents").path("Resource"));
        assertEquals(getAtt(queueId, "Arn"), onlyStatementWith("sqs:SendMessage").path("Resource"));
    }

    private static List<JsonNode> statementsOfPoliciesAttachedTo(String roleLogicalId) {
        JsonNode roleRef = ref(roleLogicalId);
        List<JsonNode> out = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (String policyId : synthesized.logicalIds(type)) {
                JsonNode policy = synthesized.properties(policyId);
                if (Synthesized.elements(policy.path("Roles")).contains(roleRef)) {
                    out.addAll(Synthesized.elements(policy.path("PolicyDocument").path("Statement")));
                }
            }
        }
        for (JsonNode inline : Synthesized.elements(synthesized.properties(roleLogicalId).path("Policies"))) {
            out.addAll(Synthesized.elements(inline.path("PolicyDocument").path("Statement")));
        }
        if (out.isEmpty()) {
            throw new AssertionError("no policy names role " + roleLogicalId);
        }
        return out;
    }

    private static JsonNode onlyStatementWith(String action) {
        List<JsonNode> matching = statements.stream()
                .filter(s -> Synthesized.elements(s.path("Action")).stream().anyMatch(a -> a.asText().equals(action)))
                .toList();
        assertEquals(1, matching.size(), () -> "statements granting " + action + ": "
                + matching.stream().map(JsonNode::toString).collect(Collectors.joining("\n")));
        return matching.getFirst();
    }

    private static JsonNode ref(String logicalId) {
        return Synthesized.MAPPER.createObjectNode().put("Ref", logicalId);
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        return Synthesized.MAPPER.valueToTree(Map.of("Fn::GetAtt", List.of(logicalId, attribute)));
    }

    private static JsonNode ec2Arn(String resourceType) {
        return Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":ec2:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":" + resourceType + "/*"))));
    }
}
