package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.GenericMachine;

/**
 * The synthesized EventBridge patterns, loaded into Event Ruler (the matching library behind EventBridge), route every
 * fixture under {@code events/} to exactly the functions of the families whose detections list its event source and
 * name, and so to the function of every detection {@code events/expectations.json} says must fire.
 */
final class EventRoutingTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private static final Path EXPECTATIONS = Synthesized.EVENTS.resolve("expectations.json");
    private static final String EGRESS_FIXTURE = "network/AuthorizeSecurityGroupEgress.world-ssh.json";

    /** Rules are named by the family of the function they target. */
    private static GenericMachine<Family> machine;

    @BeforeAll
    static void loadRules() throws Exception {
        Synthesized synthesized = Synthesized.defaults();
        Map<String, Family> familyByHandler = new HashMap<>();
        for (Family family : Family.values()) {
            familyByHandler.put(FamilyFunction.handlerOf(family), family);
        }
        machine = new GenericMachine<>();
        Set<String> ruleIds = synthesized.logicalIds("AWS::Events::Rule");
        assertEquals(REGISTRY.byFamily().size(), ruleIds.size(), "one rule per family with detections");
        for (String ruleId : ruleIds) {
            JsonNode rule = synthesized.properties(ruleId);
            List<JsonNode> targets = Synthesized.elements(rule.path("Targets"));
            assertEquals(1, targets.size(), () -> ruleId + " targets " + targets);
            String aliasId = targets.getFirst().path("Arn").path("Ref").asText();
            JsonNode alias = synthesized.resources().path(aliasId);
            assertEquals("AWS::Lambda::Alias", alias.path("Type").asText(), () -> ruleId + " must target an alias");
            String functionId = alias.path("Properties").path("FunctionName").path("Ref").asText();
            String handler = synthesized.properties(functionId).path("Handler").asText();
            Family family = familyByHandler.get(handler);
            assertTrue(family != null, () -> "rule " + ruleId + " reaches unknown handler " + handler);
            machine.addRule(family, Synthesized.MAPPER.writeValueAsString(rule.path("EventPattern")));
        }
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(Synthesized.EVENTS)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".json") && !path.equals(EXPECTATIONS))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no fixtures under " + Synthesized.EVENTS.toAbsolutePath());
            }
            return found.stream();
        }
    }

    static Stream<Arguments> expectedDetections() throws IOException {
        return expectations().entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reachesExactlyTheFamiliesWhoseDetectionsListTheEvent(Path fixture) throws Exception {
        CloudTrailEvent event = CloudTrailEvent.parse(Files.readAllBytes(fixture));
        Set<Family> expected = REGISTRY.all().stream()
                .filter(d -> d.info().eventSources().contains(event.eventSource())
                        && d.info().eventNames().contains(event.eventName()))
                .map(d -> d.info().family())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(expected, reached(fixture), () -> event.eventSource() + " " + event.eventName());
    }

    @ParameterizedTest(name = "{0} fires {1}")
    @MethodSource("expectedDetections")
    void reachesTheFunctionOfEveryDetectionThatMustFire(String fixture, List<String> detectionIds) throws Exception {
        Set<Family> reached = reached(Synthesized.EVENTS.resolve(fixture));
        for (String id : detectionIds) {
            Family family = REGISTRY.byId(id).orElseThrow(() -> new AssertionError("unknown detection " + id))
                    .info().family();
            assertTrue(reached.contains(family), () -> fixture + " must reach the " + family.id() + " function for "
                    + id + " but reaches " + reached);
        }
    }

    @Test
    void reachesNothing_whenNoDetectionListsTheEventName() throws Exception {
        Path fixture = Synthesized.EVENTS.resolve(EGRESS_FIXTURE);
        CloudTrailEvent event = CloudTrailEvent.parse(Files.readAllBytes(fixture));
        assertEquals("AuthorizeSecurityGroupEgress", event.eventName());
        assertTrue(REGISTRY.forEvent(event).isEmpty(), "a detection now lists " + event.eventName());

        assertEquals(Set.of(), reached(fixture));
    }

    @Test
    void everyFixtureHasAnExpectationAndEveryExpectationAFixture() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = fixtures()) {
            files = paths.map(path -> Synthesized.EVENTS.relativize(path).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(expectations().keySet()), files);
    }

    private static Set<Family> reached(Path fixture) throws Exception {
        Set<Family> families = new TreeSet<>();
        families.addAll(machine.rulesForJSONEvent(Files.readString(fixture)));
        return families;
    }

    private static Map<String, List<String>> expectations() throws IOException {
        return Synthesized.MAPPER.readValue(EXPECTATIONS.toFile(), new TypeReference<Map<String, List<String>>>() {});
    }
}
