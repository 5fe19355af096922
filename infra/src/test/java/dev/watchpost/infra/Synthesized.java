package dev.watchpost.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.detect.Family;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * A Watchpost stack synthesized the way the CDK CLI does it ({@link WatchpostApp#build}, cdk-nag included), with the
 * template also as a Jackson tree for walking. Synthesis takes seconds, so the two stacks the tests need are built
 * once per JVM and shared; they are never modified after synthesis.
 */
record Synthesized(WatchpostStack stack, Template template, JsonNode json, Path outdir) {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path FUNCTIONS_JAR = Path.of(System.getProperty("watchpost.jar", "../functions/target/watchpost.jar"));
    static final Path EVENTS = Path.of(System.getProperty("watchpost.events", "../events"));

    /** Context of the fully configured variant: every key the app reads, set to a non-default value. */
    static final String SLACK_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:watchpost/slack-AbCdEf";
    static final Map<String, Object> CONFIGURED_CONTEXT = Map.ofEntries(
            Map.entry(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, SLACK_SECRET),
            Map.entry(AlertChannels.SLACK_MIN_SEVERITY, "HIGH"),
            Map.entry(AlertChannels.CHATBOT_SLACK_WORKSPACE_ID, "T0123ABCD"),
            Map.entry(AlertChannels.CHATBOT_SLACK_CHANNEL_ID, "C0456EFGH"),
            Map.entry(AlertChannels.SECURITY_HUB, "true"),
            Map.entry(DeploySettings.ALERT_EMAIL, "secops@example.com"),
            Map.entry(DeploySettings.TRACING, "true"),
            Map.entry(DeploySettings.LOG_RETENTION_DAYS, "30"),
            Map.entry(DeploySettings.NAME_PREFIX, "wp-test"),
            Map.entry(DeploySettings.ADMIN_PORTS, "22,2222"),
            Map.entry(DeploySettings.INTERNET_PREFIX_LENGTH, "8"),
            Map.entry(DeploySettings.TRUSTED_CIDRS, "198.51.100.0/24"),
            Map.entry(DeploySettings.REMEDIATION_MODES, "network.sg-admin-port-open=DRY_RUN"),
            Map.entry(DeploySettings.EXEMPT_TAG_KEY, "team:exempt"),
            Map.entry(DeploySettings.RESERVED_CONCURRENCY, "3"));

    private static Synthesized defaults;
    private static Synthesized configured;

    /** No context beyond the jar: what a plain {@code cdk synth} deploys. */
    static synchronized Synthesized defaults() {
        if (defaults == null) {
            defaults = synthesize("defaults", Map.of());
        }
        return defaults;
    }

    /** {@link #CONFIGURED_CONTEXT}. */
    static synchronized Synthesized configured() {
        if (configured == null) {
            configured = synthesize("configured", CONFIGURED_CONTEXT);
        }
        return configured;
    }

    /** A fresh app with {@code context} (plus the functions jar), built by {@link WatchpostApp#build}. */
    static App app(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.putIfAbsent(DeploySettings.FUNCTIONS_JAR, FUNCTIONS_JAR.toString());
        all.putIfAbsent(SettingsFile.SETTINGS_FILE, SettingsFile.NONE);
        return new App(AppProps.builder().context(all).build());
    }

    /** A stack synthesized with {@code context} into its own folder named {@code name}; not cached. */
    static Synthesized synthesize(String name, Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put(DeploySettings.FUNCTIONS_JAR, FUNCTIONS_JAR.toString());
        all.putIfAbsent(SettingsFile.SETTINGS_FILE, SettingsFile.NONE);
        Path outdir = Path.of("target", "cdk-test", name).toAbsolutePath();
        App app = new App(AppProps.builder().context(all).outdir(outdir.toString()).build());
        WatchpostStack stack = WatchpostApp.build(app);
        Template template = Template.fromStack(stack);
        return new Synthesized(stack, template, MAPPER.valueToTree(template.toJSON()), outdir);
    }

    JsonNode resources() {
        return json.path("Resources");
    }

    /** The logical ids of all resources of {@code type}, sorted. */
    Set<String> logicalIds(String type) {
        Set<String> ids = new TreeSet<>();
        resources().properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    /** The logical id of the one resource of {@code type} whose {@code property} equals {@code value}. */
    String onlyLogicalId(String type, String property, Object value) {
        JsonNode expected = MAPPER.valueToTree(value);
        Set<String> ids = new TreeSet<>();
        for (String id : logicalIds(type)) {
            if (expected.equals(properties(id).path(property))) {
                ids.add(id);
            }
        }
        if (ids.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " with " + property + " " + expected
                    + ", found " + ids);
        }
        return ids.iterator().next();
    }

    /** The logical id of the one resource of {@code type}; fails when there is not exactly one. */
    String onlyLogicalId(String type) {
        Set<String> ids = logicalIds(type);
        if (ids.size() != 1) {
            throw new AssertionError("expected exactly one " + type + ", found " + ids);
        }
        return ids.iterator().next();
    }

    /** The logical ids of one family's resources. */
    FamilyIds family(Family family) {
        return FamilyIds.of(this, family);
    }

    JsonNode properties(String logicalId) {
        return resources().path(logicalId).path("Properties");
    }

    /** Every statement of the identity policies attached to the role with this logical id. */
    List<JsonNode> statementsOf(String role) {
        List<JsonNode> statements = new ArrayList<>();
        for (String policy : logicalIds("AWS::IAM::Policy")) {
            JsonNode properties = properties(policy);
            if (elements(properties.path("Roles")).contains(ref(role))) {
                statements.addAll(elements(properties.path("PolicyDocument").path("Statement")));
            }
        }
        return statements;
    }

    /** {@code {"Ref": logicalId}}. */
    static JsonNode ref(String logicalId) {
        return MAPPER.createObjectNode().put("Ref", logicalId);
    }

    /** {@code {"Fn::GetAtt": [logicalId, attribute]}}. */
    static JsonNode getAtt(String logicalId, String attribute) {
        return MAPPER.valueToTree(Map.of("Fn::GetAtt", List.of(logicalId, attribute)));
    }

    /** A JSON array node as a list of its elements; a single value as a one-element list. */
    static List<JsonNode> elements(JsonNode node) {
        if (!node.isArray()) {
            return node.isMissingNode() ? List.of() : List.of(node);
        }
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }
}
