package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.event.Cidr;
import dev.watchpost.remediate.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;

/**
 * The malformed-input matrix: every fixture, with every field of its CloudTrail record (at any depth) replaced in turn
 * by each JSON type and by nothing, goes through every detection with every remediation on ENFORCE. Whatever the
 * mutation, nothing may escape the pipeline, no detection may throw, and a change to an account may only follow a
 * finding and may only name resources that appear in the event. One case per fixture, reporting every broken
 * mutation at once.
 */
class MalformedInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.numberNode(-1),
            NODES.numberNode(1.5e300), NODES.textNode(""), NODES.textNode("0.0.0.0/0"), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add(NODES.nullNode()));

    static Stream<String> fixtures() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void survivesEveryFieldMutated_andOnlyChangesWhatTheEventNames(String fixture) throws Exception {
        JsonNode envelope = MAPPER.readTree(Fixtures.bytes(fixture));
        List<String> broken = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        collectPaths(envelope.path("detail"), "/detail", paths);
        paths.add("/detail");
        for (String path : paths) {
            for (JsonNode replacement : REPLACEMENTS) {
                JsonNode mutated = envelope.deepCopy();
                replace(mutated, path, replacement);
                check(mutated, path + " := " + replacement, broken);
            }
            JsonNode removed = envelope.deepCopy();
            remove(removed, path);
            check(removed, path + " removed", broken);
        }
        assertTrue(broken.isEmpty(), fixture + ": " + broken.size() + " broken mutations:\n"
                + String.join("\n", broken.subList(0, Math.min(20, broken.size()))));
    }

    private static void check(JsonNode event, String mutation, List<String> broken) {
        EnforcingPipeline harness = new EnforcingPipeline();
        byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
        try {
            harness.pipeline.process(bytes, "matrix", harness.telemetry);
        } catch (RuntimeException e) {
            broken.add(mutation + ": escaped " + e);
            return;
        }
        if (!harness.telemetry.problems.isEmpty()) {
            broken.add(mutation + ": " + harness.telemetry.problems);
        }
        List<Object> effects = harness.effects();
        if (effects.isEmpty()) {
            return;
        }
        boolean acted = harness.telemetry.alerts.stream().map(Alert::outcome)
                .anyMatch(o -> o.isPresent() && (o.get() instanceof Outcome.Applied || o.get() instanceof Outcome.Failed));
        if (!acted) {
            broken.add(mutation + ": changed " + effects + " without an alert saying so");
        }
        String text = event.toString();
        for (Object effect : effects) {
            for (String target : targets(effect)) {
                if (!text.contains(target) && !cidrNamedBy(text, target)) {
                    broken.add(mutation + ": " + effect + " names " + target + ", which the event does not");
                }
            }
        }
    }

    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]+/\\d{1,3}");

    /** True when {@code target} is a CIDR that the event names in another spelling ({@code 203.0.113.7/0}). */
    private static boolean cidrNamedBy(String text, String target) {
        Optional<Cidr> wanted = Cidr.parse(target);
        return wanted.isPresent() && CIDR.matcher(text).results()
                .anyMatch(match -> Cidr.parse(match.group()).map(wanted.get()::sameNetwork).orElse(false));
    }

    /** The resource names a change acts on; account-wide settings name none. */
    private static List<String> targets(Object effect) {
        List<String> out = new ArrayList<>();
        switch (effect) {
            case RevokeSecurityGroupIngressRequest revoke -> {
                if (revoke.groupId() != null && !revoke.groupId().startsWith("sg-0fromname")) {
                    out.add(revoke.groupId());
                }
                out.addAll(revoke.securityGroupRuleIds());
                for (IpPermission permission : revoke.ipPermissions()) {
                    permission.ipRanges().forEach(range -> out.add(range.cidrIp()));
                    permission.ipv6Ranges().forEach(range -> out.add(range.cidrIpv6()));
                }
            }
            case ModifyInstanceMetadataOptionsRequest modify -> out.add(modify.instanceId());
            case StartLoggingRequest start -> out.add(start.name());
            default -> { }
        }
        return out;
    }

    private static void collectPaths(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = path + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                out.add(child);
                collectPaths(field.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(path + "/" + i);
                collectPaths(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        withParent(root, path, (parent, key) -> {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(key), value);
            }
        });
    }

    private static void remove(JsonNode root, String path) {
        withParent(root, path, (parent, key) -> {
            if (parent instanceof ObjectNode object) {
                object.remove(key);
            } else if (parent instanceof ArrayNode array) {
                array.remove(Integer.parseInt(key));
            }
        });
    }

    private interface ParentAction {
        void apply(JsonNode parent, String key);
    }

    private static void withParent(JsonNode root, String path, ParentAction action) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, slash));
        String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        action.apply(parent, key);
    }

    @Test
    void theHarnessSeesAChange_whenAnUnmutatedEventIsRemediated() throws Exception {
        EnforcingPipeline harness = new EnforcingPipeline();
        harness.pipeline.process(Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json"), "matrix",
                harness.telemetry);

        assertEquals(1, harness.effects().size(), "otherwise the matrix above could not see a wrong change");
        assertEquals(List.of("sg-2c53d16ce65dea612", "sgr-25848eff2234755a5"), targets(harness.effects().getFirst()));
    }
}
