package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.GenericMachine;

/**
 * The member accounts' forwarding rule, loaded into Event Ruler with the central family rules, forwards every fixture
 * under {@code events/} exactly when some family rule matches it, and of every pairing of a source, an event source
 * and an event name that any family uses, exactly those some detection reads (each of which a family rule matches).
 * Both patterns are read from the synthesized templates.
 */
final class ForwardingPatternTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private static GenericMachine<String> forwarding;
    private static GenericMachine<Family> families;
    private static final Set<String> SOURCES = new TreeSet<>();
    private static final Set<String> EVENT_SOURCES = new TreeSet<>();

    @BeforeAll
    static void loadRules() throws Exception {
        JsonNode forwarder = OrganizationSynthesized.json(OrganizationSynthesized.get().forwarder());
        forwarding = new GenericMachine<>();
        for (String id : ForwarderStackTest.ruleIds()) {
            forwarding.addRule(id, Synthesized.MAPPER.writeValueAsString(forwarder.path("Resources").path(id)
                    .path("Properties").path("EventPattern")));
        }

        Synthesized synthesized = Synthesized.defaults();
        families = new GenericMachine<>();
        for (Family family : Family.values()) {
            JsonNode pattern = synthesized.properties(synthesized.family(family).rule()).path("EventPattern");
            families.addRule(family, Synthesized.MAPPER.writeValueAsString(pattern));
            pattern.path("detail").path("eventSource").forEach(source -> EVENT_SOURCES.add(source.asText()));
        }
        // The rules take any AWS service's source: each service's own, and one no AWS service has.
        EVENT_SOURCES.forEach(eventSource -> SOURCES.add("aws." + eventSource.replace(".amazonaws.com", "")));
        SOURCES.add("custom.app");
    }

    /** EventBridge refuses a rule whose pattern is longer than this (PutRule's EventPattern). */
    @Test
    void eachForwardingRuleFitsEventBridgesPatternLimit() throws Exception {
        JsonNode forwarder = OrganizationSynthesized.json(OrganizationSynthesized.get().forwarder());
        for (String id : ForwarderStackTest.ruleIds()) {
            String pattern = Synthesized.MAPPER.writeValueAsString(forwarder.path("Resources").path(id)
                    .path("Properties").path("EventPattern"));
            assertTrue(pattern.length() <= 4096, id + ": " + pattern.length() + " characters");
        }
    }

    static Stream<String> fixtures() throws IOException {
        return EventRoutingTest.fixtures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void forwardsTheFixture_exactlyWhenSomeFamilyRuleMatchesIt(String fixture) throws Exception {
        JsonNode event = Synthesized.MAPPER.readTree(Synthesized.EVENTS.resolve(fixture).toFile());
        assertEquals(!matchedFamilies(event).isEmpty(), forwards(event), fixture);
    }

    /** The fixtures some detection must fire on, tampering with Watchpost's own resources among them. */
    static Stream<String> fixturesThatMustFire() throws IOException {
        return EventRoutingTest.fixturesThatMustFire().map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesThatMustFire")
    void forwardsEveryFixtureThatMustFire(String fixture) throws Exception {
        JsonNode event = Synthesized.MAPPER.readTree(Synthesized.EVENTS.resolve(fixture).toFile());
        assertTrue(forwards(event), fixture);
    }

    /** Every event name any family's rule lists. */
    static Stream<String> eventNames() {
        Synthesized synthesized = Synthesized.defaults();
        Set<String> names = new TreeSet<>();
        for (Family family : Family.values()) {
            synthesized.properties(synthesized.family(family).rule()).path("EventPattern").path("detail")
                    .path("eventName").forEach(name -> names.add(name.asText()));
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void forwardsEachPairingOfSourceAndEventSource_exactlyWhenADetectionReadsIt_andOnlyWhatAFamilyRuleMatches(
            String eventName) throws Exception {
        int forwarded = 0;
        int notForwarded = 0;
        for (String source : SOURCES) {
            for (String eventSource : EVENT_SOURCES) {
                ObjectNode event = Synthesized.MAPPER.createObjectNode()
                        .put("version", "0")
                        .put("id", "7bf73129-1428-4cd3-a780-95db273d1602")
                        .put("detail-type", "AWS API Call via CloudTrail")
                        .put("source", source)
                        .put("account", "123456789012")
                        .put("region", "us-east-1");
                event.putObject("detail").put("eventSource", eventSource).put("eventName", eventName);
                boolean read = source.startsWith("aws.") && REGISTRY.all().stream().anyMatch(detection ->
                        detection.info().eventSources().contains(eventSource)
                                && detection.info().eventNames().contains(eventName));
                String what = source + " " + eventSource + " " + eventName;
                assertEquals(read, forwards(event), what);
                if (read) {
                    assertFalse(matchedFamilies(event).isEmpty(), "forwarded, but no family rule matches " + what);
                    forwarded++;
                } else {
                    notForwarded++;
                }
            }
        }
        assertFalse(forwarded == 0, "no pairing of " + eventName + " is forwarded: the case proves nothing");
        assertFalse(notForwarded == 0, "every pairing of " + eventName + " is forwarded: the case proves nothing");
    }

    private static Set<Family> matchedFamilies(JsonNode event) throws Exception {
        return Set.copyOf(families.rulesForJSONEvent(Synthesized.MAPPER.writeValueAsString(event)));
    }

    /** Whether one forwarding rule matches the event; two would put it on the central bus twice. */
    private static boolean forwards(JsonNode event) throws Exception {
        List<String> rules = forwarding.rulesForJSONEvent(Synthesized.MAPPER.writeValueAsString(event));
        assertTrue(rules.size() <= 1, "forwarded by " + rules + ": " + event);
        return !rules.isEmpty();
    }
}
