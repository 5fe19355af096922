package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.event.ruler.GenericMachine;

/**
 * The synthesized EventBridge patterns, loaded into Event Ruler (the matching library behind EventBridge), route
 * every fixture under {@code events/} to exactly the families that handle it: an EventBridge envelope of a CloudTrail
 * API call whose event source and name one of the family's detections lists. The expectation is read from the
 * fixture with plain Jackson and the registry, not through the code that builds the patterns.
 */
final class EventRoutingTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private static final Path EXPECTATIONS = Synthesized.EVENTS.resolve("expectations.json");
    /** The deployment the sample events come from: it describes them and is not one. */
    private static final Path DEPLOYMENT = Synthesized.EVENTS.resolve("deployment.json");
    private static final String CLOUDTRAIL_API_CALL = "AWS API Call via CloudTrail";

    /** Each rule is keyed by the family whose function it targets. */
    private static GenericMachine<Family> machine;

    @BeforeAll
    static void loadRules() throws Exception {
        Synthesized synthesized = Synthesized.defaults();
        // Per family: the rule for its CloudTrail events, and the one that sweeps after each deployment.
        assertEquals(2 * Family.values().length, synthesized.logicalIds("AWS::Events::Rule").size());
        machine = new GenericMachine<>();
        for (Family family : Family.values()) {
            JsonNode pattern = synthesized.properties(synthesized.family(family).rule()).path("EventPattern");
            machine.addRule(family, Synthesized.MAPPER.writeValueAsString(pattern));
            // No CloudTrail fixture may reach the after-deploy rule: it would show as an extra family reached.
            ObjectNode afterDeploy = synthesized.properties(synthesized.onlyLogicalId("AWS::Events::Rule", "Name",
                    "watchpost-" + family.id() + "-after-deploy")).path("EventPattern").deepCopy();
            // Event Ruler reads no CloudFormation reference: the stack's id as it would be deployed.
            ((ObjectNode) afterDeploy.path("detail")).putArray("stack-id")
                    .add("arn:aws:cloudformation:us-east-1:123456789012:stack/Watchpost/0a1b2c3d");
            machine.addRule(family, Synthesized.MAPPER.writeValueAsString(afterDeploy));
        }
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(Synthesized.EVENTS)) {
            List<String> found = files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".json") && !path.equals(EXPECTATIONS)
                            && !path.equals(DEPLOYMENT))
                    .map(path -> Synthesized.EVENTS.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no fixtures under " + Synthesized.EVENTS.toAbsolutePath());
            }
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reachesExactlyTheFamiliesThatHandleTheEvent(String fixture) throws Exception {
        ObjectNode event = read(fixture);
        assertEquals(handlers(event), reached(event));
    }

    /**
     * A fixture lives under a family that handles it, so that family is reached. Another family may watch the same
     * event on purpose (the hardening family watches EventBridge changes to Watchpost's audit rule, which the audit
     * rule cannot reliably report itself, so those fixtures also reach the audit function); that a fixture reaches
     * exactly the families with a detection for it is checked against the registry above.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reachesItsOwnFamily_whenItReachesAny(String fixture) throws Exception {
        Family own = Family.valueOf(fixture.substring(0, fixture.indexOf('/')).toUpperCase(Locale.ROOT));
        Set<Family> reached = reached(read(fixture));
        assertTrue(reached.isEmpty() || reached.contains(own), () -> fixture + " reaches " + reached);
    }

    @Test
    void aChangeToTheAuditRuleReachesTheAuditAndTheHardeningFunctions() throws Exception {
        assertEquals(EnumSet.of(Family.AUDIT, Family.HARDENING), reached(read("hardening/DisableRule.audit-rule.json")));
    }

    /**
     * IAM is global: its calls reach EventBridge in us-east-1 only, as these fixtures do, and the audit rule there
     * (or the forwarder's, {@link ForwardingPatternTest}) must route them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PutRolePolicy.function-role", "AttachRolePolicy.member-role",
            "DetachRolePolicy.function-role", "DeleteRolePolicy.function-role", "UpdateAssumeRolePolicy.forwarder-role",
            "DeleteRole.function-role", "PutRolePermissionsBoundary.function-role",
            "DeleteRolePermissionsBoundary.member-role"})
    void routesAChangeToAWatchpostRole_fromUsEast1_toTheAuditFunction(String fixture) throws Exception {
        ObjectNode event = read("audit/" + fixture + ".json");
        assertEquals("us-east-1", event.path("region").asText());
        assertEquals(EnumSet.of(Family.AUDIT), reached(event));
    }

    static Stream<Arguments> fixturesThatMustFire() throws IOException {
        return expectations().entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0} fires {1}")
    @MethodSource("fixturesThatMustFire")
    void reachesTheFunctionOfEveryDetectionThatMustFire(String fixture, List<String> detectionIds) throws Exception {
        Set<Family> reached = reached(read(fixture));
        for (String id : detectionIds) {
            Family family = REGISTRY.byId(id).orElseThrow(() -> new AssertionError("unknown detection " + id))
                    .info().family();
            assertTrue(reached.contains(family), () -> fixture + " must reach the " + family.id() + " function for "
                    + id + " but reaches " + reached);
        }
    }

    /** Ways to turn a routed fixture into an event no rule may match. */
    static Stream<Arguments> alteredFixtures() throws IOException {
        List<Named<UnaryOperator<ObjectNode>>> changes = List.of(
                Named.of("another detail-type", event -> event.put("detail-type", "AWS Console Sign In via CloudTrail")),
                Named.of("a longer event name", event -> {
                    ((ObjectNode) event.path("detail")).put("eventName", event.path("detail").path("eventName").asText() + "X");
                    return event;
                }),
                Named.of("the bare CloudTrail record", event -> (ObjectNode) event.path("detail")));
        List<String> routed = fixtures().filter(fixture -> !handlers(read(fixture)).isEmpty()).toList();
        return routed.stream().flatMap(fixture -> changes.stream().map(change -> Arguments.of(fixture, change)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("alteredFixtures")
    void reachesNothing_whenTheEventIsNotThatCloudTrailCall(String fixture, UnaryOperator<ObjectNode> change)
            throws Exception {
        ObjectNode event = change.apply(read(fixture));
        assertEquals(Set.of(), handlers(event), "the change must make the event unhandled");
        assertEquals(Set.of(), reached(event));
    }

    /** Routed fixtures, for changes that only the rule's source decides. */
    static Stream<String> routedFixtures() throws IOException {
        return fixtures().filter(fixture -> !handlers(read(fixture)).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("routedFixtures")
    void reachesNothing_whenTheSourceIsNotAnAwsService(String fixture) throws Exception {
        for (String forged : List.of("watchpost.forged", "custom.aws.ec2", "ec2", "aws")) {
            assertEquals(Set.of(), reached(read(fixture).put("source", forged)), fixture + " from " + forged);
        }
    }

    /** Whatever aws.<service> source EventBridge stamps on a service's events, the detail's event source decides. */
    @ParameterizedTest
    @MethodSource("routedFixtures")
    void reachesTheSameFunctions_whateverAwsSourceItCarries(String fixture) throws Exception {
        Set<Family> expected = reached(read(fixture));
        for (String source : List.of("aws.ec2", "aws.ec2-instance-connect", "aws.ssm", "aws.cloudtrail")) {
            assertEquals(expected, reached(read(fixture).put("source", source)), fixture + " from " + source);
        }
    }

    @Test
    void everyFamilyIsReachedByAFixture_andSomeFixtureByNone() throws IOException {
        Set<Family> reached = EnumSet.noneOf(Family.class);
        boolean someUnrouted = false;
        for (String fixture : fixtures().toList()) {
            Set<Family> families = handlers(read(fixture));
            reached.addAll(families);
            someUnrouted |= families.isEmpty();
        }
        assertEquals(EnumSet.allOf(Family.class), reached);
        assertTrue(someUnrouted, "no fixture shows an event that no rule may match");
    }

    @Test
    void everyFixtureHasAnExpectationAndEveryExpectationAFixture() throws IOException {
        Set<String> files = fixtures().collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(expectations().keySet()), files);
    }

    /** The families with a detection for this event, when it is an EventBridge envelope of a CloudTrail API call. */
    private static Set<Family> handlers(JsonNode event) {
        String eventSource = event.path("detail").path("eventSource").asText();
        String eventName = event.path("detail").path("eventName").asText();
        // Any AWS service's source, as the rules take: a service's EventBridge name need not match its eventSource
        // (CloudWatch's calls are monitoring.amazonaws.com).
        boolean envelope = CLOUDTRAIL_API_CALL.equals(event.path("detail-type").asText())
                && eventSource.endsWith(".amazonaws.com")
                && event.path("source").asText().startsWith("aws.");
        Set<Family> families = EnumSet.noneOf(Family.class);
        if (envelope) {
            for (Detection detection : REGISTRY.all()) {
                if (detection.info().eventSources().contains(eventSource)
                        && detection.info().eventNames().contains(eventName)) {
                    families.add(detection.info().family());
                }
            }
        }
        return families;
    }

    private static Set<Family> reached(JsonNode event) throws Exception {
        Set<Family> families = EnumSet.noneOf(Family.class);
        families.addAll(machine.rulesForJSONEvent(Synthesized.MAPPER.writeValueAsString(event)));
        return families;
    }

    private static ObjectNode read(String fixture) {
        try {
            return (ObjectNode) Synthesized.MAPPER.readTree(Synthesized.EVENTS.resolve(fixture).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> expectations() throws IOException {
        return Synthesized.MAPPER.readValue(EXPECTATIONS.toFile(), new TypeReference<Map<String, List<String>>>() {});
    }
}
