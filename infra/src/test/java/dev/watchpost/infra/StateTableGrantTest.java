package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The sweeps remember standing exposures in the stack's state table: each function may get, put, delete and scan its
 * items (beside claiming findings), on that table only, and learns its name from {@value Settings#STATE_TABLE}.
 * An organization deployment sweeps the forwarder StackSet's regions unless {@code sweepRegions} says otherwise.
 */
final class StateTableGrantTest {
    @Test
    void grantsTheSweepsMemoryItsFourCallsOnTheStateTable_andPassesTheTableName() {
        Map<String, Object> context = new HashMap<>();
        context.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
        context.put(SettingsFile.SETTINGS_FILE, SettingsFile.NONE);
        App app = new App(AppProps.builder().context(context).build());
        WatchpostStack stack = WatchpostApp.build(app);
        String table = stack.getLogicalId((CfnElement) stack.state().table().getNode().getDefaultChild());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
                                "dynamodb:Scan"),
                        "Resource", Match.arrayWith(List.of(Map.of("Fn::GetAtt", List.of(table, "Arn")))))))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName",
                "watchpost-network", "Environment", Match.objectLike(Map.of("Variables", Match.objectLike(Map.of(
                        Settings.STATE_TABLE, Map.of("Ref", table))))))));
    }

    @Test
    void sweepsTheStackSetsRegions_inAnOrganization_unlessSweepRegionsIsSet() {
        DeploySettings organization = DeploySettings.fromContext(key -> OrganizationSynthesized.CONTEXT
                .getOrDefault(key, key.equals(DeploySettings.FUNCTIONS_JAR) ? Synthesized.FUNCTIONS_JAR.toString()
                        : null));
        Map<String, Object> chosen = new HashMap<>(OrganizationSynthesized.CONTEXT);
        chosen.put(DeploySettings.SWEEP_REGIONS, "eu-central-1");
        chosen.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
        DeploySettings narrowed = DeploySettings.fromContext(chosen::get);

        assertEquals(OrganizationSynthesized.HOME_REGION + "," + OrganizationSynthesized.OTHER_REGION,
                organization.functionEnvironment().get(SweepSettings.REGIONS));
        assertEquals("eu-central-1", narrowed.functionEnvironment().get(SweepSettings.REGIONS));
    }
}
