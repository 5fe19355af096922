package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.MemberRoles;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The forwarder template: rules on the default bus that put the events Watchpost detects on the central bus, with
 * the member account's forwarder role, disabled only in the central account's home region (where the central stack's
 * own rules see them); as many as EventBridge's pattern limit needs, each within it. No function and no asset.
 */
final class ForwarderStackTest {
    private static final String PREFIX = OrganizationSynthesized.PREFIX;
    private final Template template = OrganizationSynthesized.get().forwarder();
    private final JsonNode json = OrganizationSynthesized.json(template);

    @Test
    void forwardsToTheCentralBus_withTheForwarderRole() {
        int rules = ruleIds().size();
        assertTrue(rules >= 1, "no forwarding rule");
        template.resourceCountIs("AWS::Events::Rule", rules);
        for (int i = 0; i < rules; i++) {
            forwardsToTheCentralBus(ForwarderStack.ruleName(PREFIX, i));
        }
    }

    private void forwardsToTheCentralBus(String name) {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", name,
                "EventBusName", Match.absent(),
                "Targets", List.of(Map.of(
                        "Id", ForwarderStack.TARGET_ID,
                        "Arn", MemberRolesStackTest.joined("arn:", MemberRolesStackTest.partition(), ":events:"
                                + OrganizationSynthesized.HOME_REGION + ":" + OrganizationSynthesized.CENTRAL_ACCOUNT
                                + ":event-bus/" + PREFIX),
                        "RoleArn", MemberRolesStackTest.joined("arn:", MemberRolesStackTest.partition(), ":iam::",
                                Map.of("Ref", "AWS::AccountId"), ":role" + MemberRoles.path(PREFIX)
                                        + MemberRoles.forwarderRoleName(PREFIX))))));
    }

    @Test
    void isDisabledOnlyInTheCentralAccountsHomeRegion_andElsewhereAlsoForwardsTheReadOnlyCallsDetectionsRead() {
        assertTrue(Detections.defaults(DetectionParameters.defaults()).readsReadOnlyEvents(),
                "a detection reads a read-only call (access.windows-password-read)");
        for (String id : ruleIds()) {
            JsonNode rule = json.path("Resources").path(id).path("Properties");
            assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::If", List.of("IsCentralHomeRegion", "DISABLED",
                    FamilyRouting.ENABLED_WITH_READ_ONLY))), rule.path("State"));
        }
        assertEquals(Synthesized.MAPPER.valueToTree(Map.of("Fn::And", List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::AccountId"), OrganizationSynthesized.CENTRAL_ACCOUNT)),
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Region"), OrganizationSynthesized.HOME_REGION))))),
                json.path("Conditions").path("IsCentralHomeRegion"));
    }

    @Test
    void holdsNoFunctionNoRoleNoAssetAndNoBootstrapCheck() {
        template.resourceCountIs("AWS::Lambda::Function", 0);
        template.resourceCountIs("AWS::IAM::Role", 0);
        assertTrue(json.path("Parameters").path("BootstrapVersion").isMissingNode(), json.path("Parameters")::toString);
        assertFalse(Files.exists(OrganizationSynthesized.OUTDIR.resolve(WatchpostApp.FORWARDER_STACK_NAME
                + ".assets.json")), "the forwarder stack has assets");
    }

    /** The forwarding rules' logical ids. */
    static List<String> ruleIds() {
        return List.copyOf(OrganizationSynthesized.logicalIds(OrganizationSynthesized.get().forwarder(),
                "AWS::Events::Rule"));
    }
}
