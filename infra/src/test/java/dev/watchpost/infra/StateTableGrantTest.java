package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.config.SweepSettings;
import dev.watchpost.detect.Family;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;

/**
 * A state table added to the stack (string key {@code pk}) is one call away: the function may get, put, delete and
 * scan its items and nothing else, and learns its name from {@value SweepSettings#STATE_TABLE}. An organization
 * deployment sweeps the forwarder StackSet's regions unless {@code sweepRegions} says otherwise.
 */
final class StateTableGrantTest {
    @Test
    void grantsTheMemoryExactlyItsFourCalls_andPassesTheTableName() {
        Map<String, Object> context = new HashMap<>();
        context.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
        context.put(SettingsFile.SETTINGS_FILE, SettingsFile.NONE);
        App app = new App(AppProps.builder().context(context).build());
        WatchpostStack stack = WatchpostApp.build(app);
        Table table = Table.Builder.create(stack, "StateTable")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build()).build();
        FamilyFunction network = stack.functions().stream().filter(f -> f.family() == Family.NETWORK).findFirst()
                .orElseThrow();

        network.rememberExposuresIn(table);

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
                                "dynamodb:Scan"),
                        "Resource", Match.anyValue())))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName",
                "watchpost-network", "Environment", Match.objectLike(Map.of("Variables", Match.objectLike(Map.of(
                        SweepSettings.STATE_TABLE, Map.of("Ref", stack.getLogicalId(
                                (CfnElement) table.getNode().getDefaultChild())))))))));
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
