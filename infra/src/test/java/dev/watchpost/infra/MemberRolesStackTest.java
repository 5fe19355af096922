package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.sweep.Sweeps;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The member-roles template: per family a role at {@code /<prefix>/} that only the central account's role of the same
 * family may assume, from inside the organization (with the external id when one is set), holding exactly the
 * remediation actions the central function role holds, in every region; and the forwarder role, for EventBridge,
 * allowed to put events on the central bus only. No function and no asset, so StackSets can deploy it anywhere.
 */
final class MemberRolesStackTest {
    private static final String PREFIX = OrganizationSynthesized.PREFIX;
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private final Template template = OrganizationSynthesized.get().memberRoles();
    private final JsonNode json = OrganizationSynthesized.json(template);

    @ParameterizedTest
    @EnumSource(Family.class)
    void trustsOnlyTheCentralRoleOfTheFamily_fromTheOrganization_withTheExternalId(Family family) {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", MemberRoles.roleName(PREFIX, family),
                "Path", MemberRoles.path(PREFIX),
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", joined("arn:", partition(),
                                ":iam::" + OrganizationSynthesized.CENTRAL_ACCOUNT + ":root")),
                        "Condition", Match.objectEquals(Map.of(
                                "ArnEquals", Map.of("aws:PrincipalArn", joined("arn:", partition(),
                                        ":iam::" + OrganizationSynthesized.CENTRAL_ACCOUNT + ":role/" + PREFIX + "-"
                                                + family.id() + "-" + OrganizationSynthesized.HOME_REGION)),
                                "StringEquals", Map.of(
                                        "aws:PrincipalOrgID", OrganizationSynthesized.ORGANIZATION_ID,
                                        "sts:ExternalId", OrganizationSynthesized.EXTERNAL_ID))))))));
    }

    @Test
    void asksForNoExternalId_whenNoneIsSet() {
        OrganizationSettings settings = OrganizationSynthesized.settings();
        OrganizationSettings without = new OrganizationSettings(settings.organizationId(), settings.centralAccount(),
                settings.homeRegion(), settings.targetOus(), settings.regions(), Optional.empty(), settings.callAs(),
                settings.managementAccount());
        Template plain = Template.fromStack(new MemberRolesStack(new App(), "Members", PREFIX, without, REGISTRY,
                Remediations.catalog()));

        plain.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", MemberRoles.roleName(PREFIX, Family.NETWORK),
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:PrincipalArn", Match.anyValue()),
                                "StringEquals", Match.objectEquals(Map.of(
                                        "aws:PrincipalOrgID", OrganizationSynthesized.ORGANIZATION_ID))))))));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void holdsExactlyTheFamilysRemediationAndMemberSweepActions_asTheCentralFunctionRoleDoes(Family family) {
        Set<String> declared = new TreeSet<>();
        for (RemediationInfo remediation : Remediations.catalog()) {
            if (REGISTRY.byId(remediation.detectionId()).orElseThrow().info().family() == family) {
                declared.addAll(remediation.iamActions());
            }
        }
        assertFalse(declared.isEmpty(), family.id() + " declares no remediation action: the test proves nothing");
        declared.addAll(Sweeps.infoOf(family).memberReadActions());

        assertEquals(declared, actionsOf(json, roleId(json, MemberRoles.roleName(PREFIX, family))));
        JsonNode central = OrganizationSynthesized.json(OrganizationSynthesized.get().central());
        Set<String> centralActions = actionsOf(central, centralRoleId(central, family));
        assertTrue(centralActions.containsAll(declared), () -> "central role lacks some of " + declared);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void holdsTheSweepsReadActionsInOneStatement_withoutTheCentralOnlyRuleRead(Family family) {
        List<String> reads = statementsOf(json, roleId(json, MemberRoles.roleName(PREFIX, family))).stream()
                .filter(statement -> statement.path("Sid").asText().equals("SweepReads"))
                .flatMap(statement -> Synthesized.elements(statement.path("Action")).stream())
                .map(JsonNode::asText).sorted().toList();

        assertEquals(Sweeps.infoOf(family).memberReadActions().stream().sorted().toList(), reads);
        assertFalse(reads.contains("events:DescribeRule"), reads.toString());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void actsInEveryRegionOfItsOwnAccount(Family family) {
        for (JsonNode statement : statementsOf(json, roleId(json, MemberRoles.roleName(PREFIX, family)))) {
            String resources = statement.path("Resource").toString();
            assertFalse(resources.contains("AWS::Region"), resources);
            // An EBS snapshot's ARN names no account (arn:aws:ec2:region::snapshot/id); a prefix list whose entries
            // are read may be shared from another account or owned by AWS; every other names this one.
            assertTrue(resources.equals("\"*\"") || resources.contains("AWS::AccountId")
                    || resources.contains(":ec2:*::snapshot/*") || resources.contains(":ec2:*:*:prefix-list/*"),
                    resources);
        }
    }

    @Test
    void letsEventBridgeOfThisAccountForwardToTheCentralBusOnly() {
        String forwarder = roleId(json, MemberRoles.forwarderRoleName(PREFIX));
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", MemberRoles.forwarderRoleName(PREFIX),
                "Path", MemberRoles.path(PREFIX),
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount",
                                Map.of("Ref", "AWS::AccountId"))))))));
        List<JsonNode> statements = statementsOf(json, forwarder);
        assertEquals(1, statements.size(), statements::toString);
        assertEquals("events:PutEvents", statements.getFirst().path("Action").asText());
        assertEquals(Synthesized.MAPPER.valueToTree(joined("arn:", partition(), ":events:"
                        + OrganizationSynthesized.HOME_REGION + ":" + OrganizationSynthesized.CENTRAL_ACCOUNT
                        + ":event-bus/" + PREFIX)), statements.getFirst().path("Resource"));
    }

    @Test
    void holdsNoFunctionNoAssetAndNoBootstrapCheck() {
        template.resourceCountIs("AWS::Lambda::Function", 0);
        assertEquals(Family.values().length + 1, OrganizationSynthesized.logicalIds(template, "AWS::IAM::Role").size());
        assertTrue(json.path("Parameters").path("BootstrapVersion").isMissingNode(), json.path("Parameters")::toString);
        assertTrue(json.path("Rules").isMissingNode(), json.path("Rules")::toString);
        assertTrue(OrganizationSynthesized.get().stacks().organization().orElseThrow().memberRoles()
                .getSynthesizer() instanceof BootstraplessSynthesizer);
        assertFalse(Files.exists(OrganizationSynthesized.OUTDIR.resolve(WatchpostApp.MEMBER_ROLES_STACK_NAME
                + ".assets.json")), "the member-roles stack has assets");
    }

    static Map<String, Object> joined(Object... parts) {
        return Map.of("Fn::Join", List.of("", List.of(parts)));
    }

    static Map<String, Object> partition() {
        return Map.of("Ref", "AWS::Partition");
    }

    /** The logical id of the role named {@code name} (a literal name). */
    static String roleId(JsonNode template, String name) {
        Set<String> ids = new TreeSet<>();
        template.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Role")
                    && entry.getValue().path("Properties").path("RoleName").asText().equals(name)) {
                ids.add(entry.getKey());
            }
        });
        assertEquals(1, ids.size(), () -> "roles named " + name + ": " + ids);
        return ids.iterator().next();
    }

    /** The logical id of the central function role of {@code family} ({@code <prefix>-<family>-${AWS::Region}}). */
    private String centralRoleId(JsonNode template, Family family) {
        JsonNode name = Synthesized.MAPPER.valueToTree(joined(PREFIX + "-" + family.id() + "-",
                Map.of("Ref", "AWS::Region")));
        Set<String> ids = new TreeSet<>();
        template.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Properties").path("RoleName").equals(name)) {
                ids.add(entry.getKey());
            }
        });
        assertEquals(1, ids.size(), () -> "central roles of " + family.id() + ": " + ids);
        return ids.iterator().next();
    }

    static List<JsonNode> statementsOf(JsonNode template, String roleId) {
        List<JsonNode> out = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")
                    && Synthesized.elements(resource.path("Properties").path("Roles")).contains(Synthesized.ref(roleId))) {
                out.addAll(Synthesized.elements(resource.path("Properties").path("PolicyDocument").path("Statement")));
            }
        });
        return out;
    }

    private Set<String> actionsOf(JsonNode template, String roleId) {
        Set<String> actions = new TreeSet<>();
        statementsOf(template, roleId).forEach(statement -> Synthesized.elements(statement.path("Action"))
                .forEach(action -> actions.add(action.asText())));
        return actions;
    }
}
