package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Family;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.GenericMachine;

/**
 * The member accounts' forwarding rule, loaded into Event Ruler with the central family rules, forwards an event
 * exactly when some family rule matches it: for every fixture under {@code events/}, and for every pairing of a
 * source, an event source and an event name that any family uses (where a pattern built as one union per field would
 * forward events no family wants). Both patterns are read from the synthesized templates.
 */
final class ForwardingPatternTest {
    private static final String FORWARD = "forward";
    private static GenericMachine<String> forwarding;
    private static GenericMachine<Family> families;
    private static final Set<String> SOURCES = new TreeSet<>();
    private static final Set<String> EVENT_SOURCES = new TreeSet<>();

    @BeforeAll
    static void loadRules() throws Exception {
        JsonNode forwarder = OrganizationSynthesized.json(OrganizationSynthesized.get().forwarder());
        forwarding = new GenericMachine<>();
        forwarding.addRule(FORWARD, Synthesized.MAPPER.writeValueAsString(forwarder.path("Resources")
                .path(ForwarderStackTest.ruleId()).path("Properties").path("EventPattern")));

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
    void forwardsEachPairingOfSourceAndEventSource_exactlyWhenSomeFamilyRuleMatchesIt(String eventName)
            throws Exception {
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
                boolean expected = !matchedFamilies(event).isEmpty();
                assertEquals(expected, forwards(event), source + " " + eventSource + " " + eventName);
                if (expected) {
                    forwarded++;
                } else {
                    notForwarded++;
                }
            }
        }
        assertFalse(forwarded == 0, "no pairing of " + eventName + " is routed: the case proves nothing");
        assertFalse(notForwarded == 0, "every pairing of " + eventName + " is routed: the case proves nothing");
    }

    private static Set<Family> matchedFamilies(JsonNode event) throws Exception {
        return Set.copyOf(families.rulesForJSONEvent(Synthesized.MAPPER.writeValueAsString(event)));
    }

    private static boolean forwards(JsonNode event) throws Exception {
        return forwarding.rulesForJSONEvent(Synthesized.MAPPER.writeValueAsString(event)).contains(FORWARD);
    }
}
