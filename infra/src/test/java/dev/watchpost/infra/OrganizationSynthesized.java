package dev.watchpost.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The stacks of an organization deployment, synthesized once per JVM the way the CDK CLI does it
 * ({@link WatchpostApp#buildAll}, cdk-nag included), each template also as a Jackson tree. Never modified afterwards.
 */
record OrganizationSynthesized(WatchpostApp.Stacks stacks, Template central, Template stackSets,
                               Template memberRoles, Template forwarder) {
    static final String PREFIX = "wp-org";
    static final String ORGANIZATION_ID = "o-a1b2c3d4e5";
    static final String CENTRAL_ACCOUNT = "111122223333";
    static final String HOME_REGION = "eu-west-1";
    static final String OTHER_REGION = "us-east-1";
    static final List<String> TARGET_OUS = List.of("ou-ab12-cdefgh12", "ou-ab12-ijklmn34");
    static final String EXTERNAL_ID = "watchpost-2f9c";
    static final String MANAGEMENT_ACCOUNT = "444455556666";

    /** The settings of an organization deployment, external id and management account included. */
    static final Map<String, Object> CONTEXT = Map.of(
            OrganizationSettings.DEPLOYMENT, "organization",
            DeploySettings.NAME_PREFIX, PREFIX,
            OrganizationSettings.ORGANIZATION_ID, ORGANIZATION_ID,
            OrganizationSettings.CENTRAL_ACCOUNT, CENTRAL_ACCOUNT,
            OrganizationSettings.HOME_REGION, HOME_REGION,
            OrganizationSettings.TARGET_OUS, String.join(",", TARGET_OUS),
            OrganizationSettings.REGIONS, OTHER_REGION + "," + HOME_REGION,
            OrganizationSettings.EXTERNAL_ID, EXTERNAL_ID,
            OrganizationSettings.MANAGEMENT_ACCOUNT, MANAGEMENT_ACCOUNT);

    /** Where the app is synthesized. */
    static final Path OUTDIR = Path.of("target", "cdk-test", "organization").toAbsolutePath();

    private static OrganizationSynthesized instance;

    static synchronized OrganizationSynthesized get() {
        if (instance == null) {
            Map<String, Object> context = new HashMap<>(CONTEXT);
            context.put(DeploySettings.FUNCTIONS_JAR, Synthesized.FUNCTIONS_JAR.toString());
            context.put(SettingsFile.SETTINGS_FILE, SettingsFile.NONE);
            App app = new App(AppProps.builder().context(context)
                    .outdir(OUTDIR.toString())
                    .build());
            WatchpostApp.Stacks stacks = WatchpostApp.buildAll(app);
            WatchpostApp.OrganizationStacks organization = stacks.organization().orElseThrow();
            instance = new OrganizationSynthesized(stacks, Template.fromStack(stacks.central()),
                    Template.fromStack(organization.stackSets()), Template.fromStack(organization.memberRoles()),
                    Template.fromStack(organization.forwarder()));
        }
        return instance;
    }

    /** The settings the stacks were built from. */
    static OrganizationSettings settings() {
        return OrganizationSettings.fromContext(key -> DeploySettings.text(CONTEXT.get(key))).orElseThrow();
    }

    static JsonNode json(Template template) {
        return Synthesized.MAPPER.valueToTree(template.toJSON());
    }

    /** The logical ids of the resources of {@code type} in {@code template}, sorted. */
    static Set<String> logicalIds(Template template, String type) {
        Set<String> ids = new TreeSet<>();
        json(template).path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    List<Stack> all() {
        WatchpostApp.OrganizationStacks organization = stacks.organization().orElseThrow();
        return List.of(stacks.central(), organization.stackSets(), organization.memberRoles(),
                organization.forwarder());
    }
}
