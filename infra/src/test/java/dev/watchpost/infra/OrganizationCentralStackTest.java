package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import dev.watchpost.detect.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The central stack of an organization deployment: a bus named after the prefix that only the organization may put
 * events on, archived; every family rule on it as on the default bus; and function roles that may assume their own
 * family's member role, in the organization's accounts, and nothing else.
 */
final class OrganizationCentralStackTest {
    private static final String PREFIX = OrganizationSynthesized.PREFIX;
    private final Template template = OrganizationSynthesized.get().central();
    private final JsonNode json = OrganizationSynthesized.json(template);

    @Test
    void namesTheBusAfterThePrefix() {
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", PREFIX));
    }

    @Test
    void letsOnlyTheOrganizationPutEventsOnTheBus() {
        template.resourceCountIs("AWS::Events::EventBusPolicy", 1);
        template.hasResourceProperties("AWS::Events::EventBusPolicy", Map.of(
                "EventBusName", Map.of("Ref", busId()),
                "Statement", Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", "*"),
                        "Action", "events:PutEvents",
                        "Resource", Map.of("Fn::GetAtt", List.of(busId(), "Arn")),
                        "Condition", Map.of("StringEquals", Map.of(
                                "aws:PrincipalOrgID", OrganizationSynthesized.ORGANIZATION_ID)))));
    }

    @Test
    void archivesEverythingTheBusReceives_whichIsOnlyWhatTheMembersForward() {
        template.hasResourceProperties("AWS::Events::Archive", Map.of(
                "ArchiveName", OrganizationSynthesized.PREFIX + "-forwarded",
                "SourceArn", Map.of("Fn::GetAtt", List.of(busId(), "Arn")),
                "RetentionDays", CentralBus.ARCHIVE_RETENTION_DAYS,
                "EventPattern", Match.absent()));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void routesTheFamilyFromTheBusAndFromTheDefaultBus_toTheSameAlias_withTheSamePattern(Family family) {
        List<JsonNode> rules = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Events::Rule")
                    && resource.path("Properties").path("Name").asText().equals(PREFIX + "-" + family.id())) {
                rules.add(resource.path("Properties"));
            }
        });
        assertEquals(2, rules.size(), () -> "rules of " + family.id() + ": " + rules);
        JsonNode onDefault = rules.stream().filter(rule -> rule.path("EventBusName").isMissingNode()).findFirst()
                .orElseThrow(() -> new AssertionError("no rule on the default bus"));
        JsonNode onBus = rules.stream().filter(rule -> rule.path("EventBusName").equals(Synthesized.ref(busId())))
                .findFirst().orElseThrow(() -> new AssertionError("no rule on the central bus"));
        assertEquals(onDefault.path("EventPattern"), onBus.path("EventPattern"));
        assertEquals(onDefault.path("Targets").path(0).path("Arn"), onBus.path("Targets").path(0).path("Arn"));
        assertEquals(onDefault.path("Targets").path(0).path("DeadLetterConfig"),
                onBus.path("Targets").path(0).path("DeadLetterConfig"));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void alarmsWhenEitherRuleFailsToDeliver_theCentralOneByBusAndRuleName(Family family) {
        String name = PREFIX + "-" + family.id();
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", name + "-failed-invocations",
                "Namespace", "AWS/Events",
                "MetricName", "FailedInvocations",
                "Dimensions", List.of(Map.of("Name", "RuleName", "Value", name))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", name + "-failed-invocations-central",
                "Namespace", "AWS/Events",
                "MetricName", "FailedInvocations",
                "Dimensions", Match.arrayEquals(List.of(
                        Map.of("Name", "EventBusName", "Value", Map.of("Ref", busId())),
                        Map.of("Name", "RuleName", "Value", name)))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void letsTheRoleAssumeOnlyItsFamilysMemberRole_inTheOrganization(Family family) {
        List<JsonNode> assumeRole = statementsWith("sts:AssumeRole");
        Object expectedResource = OrganizationSynthesized.get().stacks().central()
                .resolve(MemberReach.memberRoleArns(PREFIX, family));
        List<JsonNode> forFamily = assumeRole.stream()
                .filter(statement -> statement.path("Resource").equals(Synthesized.MAPPER.valueToTree(expectedResource)))
                .toList();
        assertEquals(1, forFamily.size(), () -> "sts:AssumeRole statements: " + assumeRole);
        JsonNode statement = forFamily.getFirst();
        assertEquals("sts:AssumeRole", statement.path("Action").asText());
        assertEquals(Synthesized.MAPPER.valueToTree(Map.of("StringEquals", Map.of(
                "aws:ResourceOrgID", OrganizationSynthesized.ORGANIZATION_ID))), statement.path("Condition"));
        assertTrue(expectedResource.toString().contains(":iam::*:role/" + PREFIX + "/" + PREFIX + "-member-"
                + family.id()), expectedResource::toString);
    }

    @Test
    void remediatesInEveryRegionOfTheCentralAccount_whoseOtherRegionsForwardHere() {
        List<JsonNode> scoped = new ArrayList<>();
        for (Family family : Family.values()) {
            String roleId = OrganizationSynthesized.logicalIds(template, "AWS::IAM::Role").stream()
                    .filter(id -> json.path("Resources").path(id).path("Properties").path("RoleName").toString()
                            .contains(PREFIX + "-" + family.id() + "-"))
                    .findFirst().orElseThrow();
            MemberRolesStackTest.statementsOf(json, roleId).stream()
                    .filter(statement -> statement.path("Resource").toString().matches(".*:(ec2|cloudtrail):.*"))
                    .forEach(scoped::add);
        }
        assertFalse(scoped.isEmpty(), "no resource-scoped remediation: the test proves nothing");
        for (JsonNode statement : scoped) {
            String resources = statement.path("Resource").toString();
            assertFalse(resources.contains("AWS::Region"), resources);
            assertTrue(resources.contains(":*:"), resources);
        }
    }

    @Test
    void letsEachFunctionAskOnlyListParents_ofAwsOrganizations() {
        List<JsonNode> listParents = statementsWith("organizations:ListParents");
        assertEquals(Family.values().length, listParents.size(), listParents::toString);
        for (JsonNode statement : listParents) {
            assertEquals("organizations:ListParents", statement.path("Action").asText(), statement::toString);
            assertEquals("*", statement.path("Resource").asText(), statement::toString);
        }
        List<String> organizationsActions = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement ->
                        Synthesized.elements(statement.path("Action")).stream().map(JsonNode::asText)
                                .filter(action -> action.startsWith("organizations:")).forEach(organizationsActions::add));
            }
        });
        assertEquals(Family.values().length, organizationsActions.size(), organizationsActions::toString);
    }

    @Test
    void grantsStsAssumeRoleNowhereElse() {
        assertEquals(Family.values().length, statementsWith("sts:AssumeRole").size());
        assertTrue(statementsWith("sts:*").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheFunctionToUseMemberRoles_withTheExternalId_andItsAccount(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                Settings.MEMBER_ROLES, "true",
                Settings.EXTERNAL_ID, OrganizationSynthesized.EXTERNAL_ID,
                Settings.ACCOUNT_ID, Map.of("Ref", "AWS::AccountId")));
    }

    @Test
    void letsEachFunctionListTheMemberRolesStackSetsInstances_andNothingElseOfCloudFormation() {
        List<JsonNode> listing = statementsWith("cloudformation:ListStackInstances");
        assertEquals(Family.values().length, listing.size(), listing::toString);
        for (JsonNode statement : listing) {
            assertEquals("cloudformation:ListStackInstances", statement.path("Action").asText());
            assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of("arn:",
                    Map.of("Ref", "AWS::Partition"), ":cloudformation:" + OrganizationSynthesized.HOME_REGION + ":"
                            + OrganizationSynthesized.MANAGEMENT_ACCOUNT + ":stackset/" + PREFIX
                            + "-member-roles:*")))), statement.path("Resource"));
        }
        Set<String> cloudFormationActions = new TreeSet<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                Synthesized.elements(resource.path("Properties").path("PolicyDocument").path("Statement"))
                        .forEach(statement -> Synthesized.elements(statement.path("Action")).stream()
                                .map(JsonNode::asText).filter(action -> action.startsWith("cloudformation:"))
                                .forEach(cloudFormationActions::add));
            }
        });
        assertEquals(Set.of("cloudformation:ListStackInstances"), cloudFormationActions);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void tellsTheSweepToListTheStackSetAsDelegatedAdministrator(Family family) {
        FamilyIds.hasVariables(template, family, Map.of(
                SweepSettings.DISCOVER_CALL_AS, "DELEGATED_ADMIN"));
    }

    @Test
    void outputsTheBus() {
        template.hasOutput("BusName", Map.of("Value", Map.of("Ref", busId())));
        template.hasOutput("BusArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(busId(), "Arn"))));
    }

    @Test
    void goesOnlyToTheCentralAccountAndHomeRegion() {
        assertEquals(OrganizationSynthesized.CENTRAL_ACCOUNT, OrganizationSynthesized.get().stacks().central().getAccount());
        assertEquals(OrganizationSynthesized.HOME_REGION, OrganizationSynthesized.get().stacks().central().getRegion());
    }

    private String busId() {
        List<String> ids = List.copyOf(OrganizationSynthesized.logicalIds(template, "AWS::Events::EventBus"));
        assertEquals(1, ids.size(), ids::toString);
        return ids.getFirst();
    }

    /** Every identity-policy statement of the template whose actions include {@code action}. */
    private List<JsonNode> statementsWith(String action) {
        List<JsonNode> out = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                for (JsonNode statement : Synthesized.elements(resource.path("Properties").path("PolicyDocument")
                        .path("Statement"))) {
                    if (Synthesized.elements(statement.path("Action")).stream()
                            .anyMatch(node -> node.asText().equals(action))) {
                        out.add(statement);
                    }
                }
            }
        });
        return out;
    }
}
