package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The StackSets roll the member templates out as service-managed StackSets with automatic deployment to the target
 * OUs: the member roles in the home region only, the forwarder in every configured region, each with the very
 * template the app synthesizes as a stack of its own, and the forwarder after the roles it uses.
 */
final class OrganizationStackSetsTest {
    private final Template template = OrganizationSynthesized.get().stackSets();
    private final JsonNode json = OrganizationSynthesized.json(template);

    @ParameterizedTest
    @ValueSource(strings = {"member-roles", "forwarder"})
    void isServiceManaged_deploysToAccountsJoiningTheOus_andMayNameIamRoles(String which) {
        template.hasResourceProperties("AWS::CloudFormation::StackSet", Map.of(
                "StackSetName", OrganizationSynthesized.PREFIX + "-" + which,
                "PermissionModel", "SERVICE_MANAGED",
                "CallAs", "DELEGATED_ADMIN",
                "AutoDeployment", Map.of("Enabled", true, "RetainStacksOnAccountRemoval", false),
                "Capabilities", List.of("CAPABILITY_NAMED_IAM"),
                "ManagedExecution", Match.objectEquals(Map.of("Active", true)),
                "StackInstancesGroup", List.of(Map.of(
                        "DeploymentTargets", Match.objectEquals(Map.of(
                                "OrganizationalUnitIds", OrganizationSynthesized.TARGET_OUS)),
                        "Regions", Match.anyValue()))));
    }

    @Test
    void deploysTheMemberRolesOnce_inTheHomeRegion() {
        assertEquals(List.of(OrganizationSynthesized.HOME_REGION), regions(stackSet("member-roles")));
    }

    @Test
    void isDeployedInTheHomeRegion_whereTheCentralSweepsListTheMemberRoles() {
        assertEquals(OrganizationSynthesized.HOME_REGION,
                OrganizationSynthesized.get().stacks().organization().orElseThrow().stackSets().getRegion());
    }

    @Test
    void deploysTheForwarderInEveryConfiguredRegion_homeRegionFirst() {
        assertEquals(List.of(OrganizationSynthesized.HOME_REGION, OrganizationSynthesized.OTHER_REGION),
                regions(stackSet("forwarder")));
    }

    @Test
    void passesTheTemplatesTheAppAlsoSynthesizesAsStacks_withinTheBodySizeLimit() throws Exception {
        assertEquals(OrganizationSynthesized.json(OrganizationSynthesized.get().memberRoles()), body("member-roles"));
        assertEquals(OrganizationSynthesized.json(OrganizationSynthesized.get().forwarder()), body("forwarder"));
        for (String which : List.of("member-roles", "forwarder")) {
            int bytes = stackSet(which).path("TemplateBody").asText().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= MemberTemplates.MAX_TEMPLATE_BODY_BYTES, which + ": " + bytes + " bytes");
        }
    }

    @Test
    void rollsOutTheForwarderAfterTheRolesItUses() {
        String roles = logicalId("member-roles");
        assertTrue(Synthesized.elements(json.path("Resources").path(logicalId("forwarder")).path("DependsOn"))
                .stream().anyMatch(node -> node.asText().equals(roles)));
    }

    @Test
    void callsAsTheManagementAccount_whenToldSo() {
        OrganizationSettings settings = OrganizationSynthesized.settings();
        OrganizationSettings self = new OrganizationSettings(settings.organizationId(), settings.centralAccount(),
                settings.homeRegion(), settings.targetOus(), settings.regions(), Optional.empty(),
                OrganizationSettings.CallAs.SELF, settings.managementAccount());
        Template selfTemplate = Template.fromStack(new OrganizationStackSets(new App(), "Sets", StackProps.builder()
                .build(), "wp", self, new MemberTemplates("{}", "{}")));
        selfTemplate.allResourcesProperties("AWS::CloudFormation::StackSet", Map.of("CallAs", "SELF"));
    }

    private JsonNode body(String which) throws Exception {
        return Synthesized.MAPPER.readTree(stackSet(which).path("TemplateBody").asText());
    }

    private static List<String> regions(JsonNode stackSet) {
        return Synthesized.elements(stackSet.path("StackInstancesGroup").path(0).path("Regions")).stream()
                .map(JsonNode::asText).toList();
    }

    private JsonNode stackSet(String which) {
        return json.path("Resources").path(logicalId(which)).path("Properties");
    }

    private String logicalId(String which) {
        String name = OrganizationSynthesized.PREFIX + "-" + which;
        return OrganizationSynthesized.logicalIds(template, "AWS::CloudFormation::StackSet").stream()
                .filter(id -> json.path("Resources").path(id).path("Properties").path("StackSetName").asText()
                        .equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no StackSet " + name));
    }
}
