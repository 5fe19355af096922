package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.detect.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime settings parameter: one String parameter named by the prefix, whose template value is the same constant
 * whatever the deploy settings (so a later deploy never overwrites what people set), and read-only access to exactly
 * it for each function role.
 */
final class RuntimeSettingsParameterTest {
    @Test
    void createsOneStandardStringParameter_namedByThePrefix_withTheConstantInitialValue() {
        Synthesized defaults = Synthesized.defaults();
        defaults.template().resourceCountIs("AWS::SSM::Parameter", 1);
        defaults.template().hasResourceProperties("AWS::SSM::Parameter", Map.of(
                "Name", "/watchpost/settings",
                "Type", "String",
                "Tier", "Standard",
                "Value", RuntimeSettingsJson.INITIAL_VALUE,
                "AllowedPattern", RuntimeSettingsParameter.ALLOWED_PATTERN));
    }

    @Test
    void theTemplatesValueDoesNotFollowTheDeploySettings_soARedeployLeavesTheParameterAlone() {
        Synthesized configured = Synthesized.configured();
        String id = configured.onlyLogicalId("AWS::SSM::Parameter");
        JsonNode properties = configured.properties(id);
        assertEquals("/wp-test/settings", properties.path("Name").asText());
        JsonNode defaults = Synthesized.defaults().properties(Synthesized.defaults().onlyLogicalId("AWS::SSM::Parameter"));
        assertEquals(((ObjectNode) defaults.deepCopy()).without("Name"),
                ((ObjectNode) properties.deepCopy()).without("Name"));
    }

    @Test
    void theInitialValueMatchesTheAllowedPattern_andEveryValidValueWould() {
        Pattern allowed = Pattern.compile(RuntimeSettingsParameter.ALLOWED_PATTERN);
        assertTrue(allowed.matcher(RuntimeSettingsJson.INITIAL_VALUE).matches());
        assertTrue(allowed.matcher("{\n  \"remediation\": \"off\"\n}").matches());
        assertFalse(allowed.matcher("off").matches());
    }

    @Test
    void grantsEachFunctionRoleOnlyGetParameter_onExactlyThisParameter() {
        Synthesized synthesized = Synthesized.defaults();
        JsonNode arn = Synthesized.MAPPER.valueToTree(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":ssm:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":parameter/watchpost/settings"))));
        List<JsonNode> ssmStatements = new ArrayList<>();
        for (String policy : synthesized.logicalIds("AWS::IAM::Policy")) {
            for (JsonNode statement : Synthesized.elements(synthesized.properties(policy)
                    .path("PolicyDocument").path("Statement"))) {
                boolean ssm = Synthesized.elements(statement.path("Action")).stream()
                        .anyMatch(action -> action.asText().startsWith("ssm:"));
                boolean onParameter = Synthesized.elements(statement.path("Resource")).contains(arn);
                if (ssm || onParameter) {
                    ssmStatements.add(statement);
                }
            }
        }
        assertEquals(Family.values().length, ssmStatements.size());
        for (JsonNode statement : ssmStatements) {
            assertEquals(List.of(Synthesized.MAPPER.valueToTree("ssm:GetParameter")),
                    Synthesized.elements(statement.path("Action")), statement::toString);
            assertEquals(List.of(arn), Synthesized.elements(statement.path("Resource")), statement::toString);
            assertEquals("Allow", statement.path("Effect").asText());
        }
    }
}
