package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.sweep.Sweeps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each family's role holds exactly what its function calls: the actions its remediations declare, each on the
 * resource pattern the remediation declares (bound to this account, region and partition), its sweep's read-only
 * actions (on any resource: IAM scopes none of them), plus publishing to the alert topic (with the KMS calls its key
 * needs), claiming findings and keeping the sweep's exposures in the state table, writing its own log group, sending
 * failed invocations to its own dead-letter queue and reading the runtime settings parameter (nothing else of SSM).
 * Every identity policy in the template is read, so a grant added anywhere shows up here; the
 * expectation is computed from the remediation catalog, not by the code under test.
 */
final class FunctionRolePermissionsTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(partition|region|account)}");
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "partition", "AWS::Partition", "region", "AWS::Region", "account", "AWS::AccountId");

    private final Synthesized synthesized = Synthesized.defaults();

    @ParameterizedTest
    @EnumSource(Family.class)
    void grantsExactlyTheDeclaredActionsOnTheDeclaredResources_andWhatTheFunctionRunsOn(Family family) {
        FamilyIds ids = synthesized.family(family);
        SortedMap<String, Set<JsonNode>> expected = new TreeMap<>();
        for (RemediationInfo remediation : Remediations.catalog()) {
            if (REGISTRY.byId(remediation.detectionId()).orElseThrow().info().family() == family) {
                remediation.iamActions().forEach(action -> remediation.resourcesFor(action)
                        .forEach(resource -> add(expected, action, expectedResource(resource))));
            }
        }
        String topic = synthesized.onlyLogicalId("AWS::SNS::Topic", "TopicName", "watchpost-alerts");
        String key = synthesized.onlyLogicalId("AWS::KMS::Key");
        add(expected, "sns:Publish", Synthesized.ref(topic));
        add(expected, "kms:Decrypt", Synthesized.getAtt(key, "Arn"));
        add(expected, "kms:GenerateDataKey*", Synthesized.getAtt(key, "Arn"));
        add(expected, "logs:CreateLogStream", Synthesized.getAtt(ids.logGroup(), "Arn"));
        add(expected, "logs:PutLogEvents", Synthesized.getAtt(ids.logGroup(), "Arn"));
        add(expected, "sqs:SendMessage", Synthesized.getAtt(ids.deadLetters(), "Arn"));
        Sweeps.infoOf(family).readActions().forEach(action -> add(expected, action, TextNode.valueOf("*")));
        add(expected, "ssm:GetParameter", expectedResource("arn:{partition}:ssm:{region}:{account}:parameter/"
                + "watchpost/settings"));
        String table = synthesized.onlyLogicalId("AWS::DynamoDB::Table");
        for (String action : List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:Scan")) {
            add(expected, action, Synthesized.getAtt(table, "Arn"));
        }

        assertEquals(expected, granted(statementsOf(ids.role())));
    }

    @Test
    void letsTheNetworkFunctionRevokeOnlySecurityGroupRulesOfThisAccountAndRegion() {
        Set<JsonNode> resources = granted(statementsOf(synthesized.family(Family.NETWORK).role()))
                .get("ec2:RevokeSecurityGroupIngress");
        assertEquals(Set.of(Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":ec2:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":security-group/*")))),
                Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":ec2:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":security-group-rule/*"))))), resources);
    }

    @Test
    void letsOnlyTheNetworkFunctionReadPrefixListEntries_ofAnyOwnerInItsRegion_andForItsSweep() {
        Set<JsonNode> resources = granted(statementsOf(synthesized.family(Family.NETWORK).role()))
                .get("ec2:GetManagedPrefixListEntries");
        // A referenced list may be shared from another account or owned by AWS: any owner, this region.
        JsonNode anyOwnersList = Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":ec2:", Map.of("Ref", "AWS::Region"),
                ":*:prefix-list/*"))));
        assertEquals(Set.of(anyOwnersList, TextNode.valueOf("*")), resources, "the revoke's grant and the sweep's");
        assertOnlyGrantedTo(Family.NETWORK, "ec2:GetManagedPrefixListEntries");
    }

    @Test
    void letsOnlyTheAuditFunctionRestartTrails() {
        assertOnlyGrantedTo(Family.AUDIT, "cloudtrail:StartLogging");
    }

    /** Asserts that {@code action} is granted to the role of {@code only}, and to no other family's role. */
    private void assertOnlyGrantedTo(Family only, String action) {
        for (Family family : Family.values()) {
            boolean granted = granted(statementsOf(synthesized.family(family).role())).containsKey(action);
            assertEquals(family == only, granted, family.id());
        }
    }

    @Test
    void noIdentityPolicyAllowsAWildcardActionOrUsesNegation() {
        for (JsonNode statement : allIdentityStatements()) {
            assertEquals("Allow", statement.path("Effect").asText(), statement::toString);
            assertFalse(statement.has("NotAction") || statement.has("NotResource"), statement::toString);
            for (JsonNode action : Synthesized.elements(statement.path("Action"))) {
                assertFalse(action.asText().equals("*") || action.asText().endsWith(":*"), statement::toString);
            }
        }
    }

    @Test
    void asksAwsOrganizationsNothing_outsideOrganizationMode() {
        for (JsonNode statement : allIdentityStatements()) {
            for (JsonNode action : Synthesized.elements(statement.path("Action"))) {
                assertFalse(action.asText().startsWith("organizations:"), statement::toString);
            }
        }
    }

    @Test
    void attachesNoManagedOrInlinePolicy_andCreatesNoOtherPrincipal() {
        for (String role : synthesized.logicalIds("AWS::IAM::Role")) {
            assertTrue(synthesized.properties(role).path("ManagedPolicyArns").isMissingNode(), role);
            assertTrue(synthesized.properties(role).path("Policies").isMissingNode(), role);
        }
        for (String type : List.of("AWS::IAM::ManagedPolicy", "AWS::IAM::User", "AWS::IAM::Group")) {
            assertEquals(Set.of(), synthesized.logicalIds(type), type);
        }
    }

    /**
     * The actions granted on Resource "*", each with the reason IAM leaves no narrower choice (the EC2 and CloudTrail
     * chapters of the Service Authorization Reference list no resource type, or only account-wide ones, for them).
     * A new action on "*" fails here until its reason is written down. The sweeps' read-only calls are added to
     * these: they list every resource of a region or read an account setting, which IAM scopes to no resource.
     */
    private static final Map<String, String> UNSCOPABLE = Map.of(
            "ec2:DescribeSecurityGroups", "Describe* calls support no resource-level permissions",
            "ec2:DescribeSecurityGroupRules", "Describe* calls support no resource-level permissions",
            "ec2:DisableSerialConsoleAccess", "an account-wide setting: no resource to name",
            "ec2:EnableEbsEncryptionByDefault", "an account-wide setting: no resource to name",
            "ec2:ModifyInstanceMetadataDefaults", "an account-wide setting: no resource to name");

    @Test
    void grantsOnAnyResourceOnlyTheActionsIamCannotScope_eachWithItsReason() {
        Set<String> onAnyResource = new TreeSet<>();
        for (Family family : Family.values()) {
            granted(statementsOf(synthesized.family(family).role())).forEach((action, resources) -> {
                if (resources.contains(TextNode.valueOf("*"))) {
                    onAnyResource.add(action);
                }
            });
        }

        Set<String> expected = new TreeSet<>(UNSCOPABLE.keySet());
        Sweeps.catalog().forEach(sweep -> expected.addAll(sweep.readActions()));
        assertEquals(expected, onAnyResource);
    }

    @Test
    void everyIdentityPolicyBelongsToOneFamilyRole() {
        for (String policy : synthesized.logicalIds("AWS::IAM::Policy")) {
            List<JsonNode> roles = Synthesized.elements(synthesized.properties(policy).path("Roles"));
            assertEquals(1, roles.size(), policy);
        }
    }

    /** A declared pattern as CloudFormation receives it: "*", or a join of its text and pseudo parameters. */
    private static JsonNode expectedResource(String pattern) {
        if (pattern.equals("*")) {
            return TextNode.valueOf("*");
        }
        List<Object> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(pattern.substring(last, matcher.start()));
            }
            parts.add(Map.of("Ref", PSEUDO_PARAMETERS.get(matcher.group(1))));
            last = matcher.end();
        }
        if (last < pattern.length()) {
            parts.add(pattern.substring(last));
        }
        return Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", parts)));
    }

    private static SortedMap<String, Set<JsonNode>> granted(List<JsonNode> statements) {
        SortedMap<String, Set<JsonNode>> granted = new TreeMap<>();
        for (JsonNode statement : statements) {
            for (JsonNode action : Synthesized.elements(statement.path("Action"))) {
                Synthesized.elements(statement.path("Resource")).forEach(resource ->
                        add(granted, action.asText(), resource));
            }
        }
        return granted;
    }

    private static void add(Map<String, Set<JsonNode>> map, String action, JsonNode resource) {
        map.computeIfAbsent(action, a -> new HashSet<>()).add(resource);
    }

    private List<JsonNode> statementsOf(String role) {
        List<JsonNode> statements = synthesized.statementsOf(role);
        assertFalse(statements.isEmpty(), () -> "no policy names role " + role);
        return statements;
    }

    private List<JsonNode> allIdentityStatements() {
        List<JsonNode> statements = synthesized.logicalIds("AWS::IAM::Policy").stream()
                .flatMap(policy -> Synthesized.elements(
                        synthesized.properties(policy).path("PolicyDocument").path("Statement")).stream())
                .collect(Collectors.toList());
        assertFalse(statements.isEmpty(), "no identity policy at all");
        return statements;
    }
}
