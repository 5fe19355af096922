package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scans the whole {@code events/} directory once, as a user would, and checks it against the expectations. */
class ScanFixturesTest {
    private static Cli.Result scan;
    private static Map<String, List<JsonNode>> findingsByEventId;

    @BeforeAll
    static void scanEventsDirectory() {
        // The fixtures' deployment: its alert key is known, as the stack tells its functions.
        scan = Cli.run(Map.of(Settings.ALERT_KEY_ARN, dev.watchpost.Fixtures.ALERT_KEY_ARN),
                "scan", "--format", "json", Fixtures.dir().toString());
        findingsByEventId = new HashMap<>();
        for (JsonNode finding : scan.findings()) {
            findingsByEventId.computeIfAbsent(finding.get("eventId").asText(), id -> new ArrayList<>()).add(finding);
        }
    }

    static Stream<String> fixtures() {
        return Fixtures.expectations().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void firesExactlyTheExpectedDetections(String fixture) {
        List<String> fired = findingsByEventId.getOrDefault(Fixtures.eventId(fixture), List.of()).stream()
                .map(finding -> finding.get("detection").asText())
                .sorted()
                .toList();

        assertEquals(Fixtures.expectations().get(fixture).stream().sorted().toList(), fired);
    }

    @Test
    void printsFindingsOnlyForFixtures() {
        Set<String> fixtureIds = new HashSet<>();
        Fixtures.expectations().keySet().forEach(fixture -> fixtureIds.add(Fixtures.eventId(fixture)));

        assertTrue(fixtureIds.containsAll(findingsByEventId.keySet()), findingsByEventId.keySet().toString());
    }

    @Test
    void exitsWithZero_andSkipsTheExpectationsAndDeploymentFiles() {
        assertEquals(Main.EXIT_OK, scan.status(), scan.err());
        String notCloudTrail = ": skipped: not CloudTrail data: a JSON object without \"Records\", \"detail\" or "
                + "\"eventName\"; " + RecordReader.EXPECTED;
        assertEquals(List.of(Fixtures.dir().resolve("deployment.json") + notCloudTrail,
                Fixtures.dir().resolve("expectations.json") + notCloudTrail), scan.problems());
    }

    @Test
    void summarisesTheScan() {
        long fixtures = Fixtures.expectations().size();
        long findings = Fixtures.expectations().values().stream().mapToLong(List::size).sum();
        long own = Fixtures.expectations().keySet().stream().filter(Fixtures::byOwnRole).count();

        assertTrue(scan.summary().startsWith("scanned " + (fixtures + 2) + " files, " + fixtures + " events: "
                + findings + " findings ("), scan.summary());
        assertTrue(scan.summary().endsWith(", 0 unreadable, 0 detection errors, " + own
                + " own events ignored, 2 files skipped"), scan.summary());
    }

    @Test
    void revokesOnlyTheModifiedRule_forModifySecurityGroupRules() {
        JsonNode remediation = only(Fixtures.MODIFY_WORLD_SSH).get("remediation");

        assertEquals(List.of("sgr-bedd4a316f0743b03"), texts(remediation.get("targets")));
    }

    @Test
    void revokesOnlyTheOffendingRule_whenOneOfSeveralOffends() {
        JsonNode remediation = only(Fixtures.ONE_OF_SEVERAL).get("remediation");

        assertEquals(List.of("sgr-92737195447fa6874"), texts(remediation.get("targets")));
    }

    @Test
    void ignoresWatchpostsOwnRole_butNotALookalikeRole() {
        assertFalse(findingsByEventId.containsKey(Fixtures.eventId(Fixtures.OWN_ROLE)));
        assertEquals("network.sg-admin-port-open", only(Fixtures.LOOKALIKE_ROLE).get("detection").asText());
    }

    @Test
    void plansEnforceWithoutApplying_forAdminPortOpen() {
        JsonNode finding = only(Fixtures.WORLD_SSH);

        assertEquals("network.sg-admin-port-open", finding.get("detection").asText());
        assertEquals("ENFORCE", finding.get("remediation").get("mode").asText());
        assertEquals("planned", finding.get("outcome").get("status").asText());
    }

    @Test
    void neverCallsAws_soNoRemediationFails() {
        // The offline clients throw on any call, which the remediator would turn into a failed outcome.
        List<String> statuses = scan.findings().stream().filter(f -> f.hasNonNull("outcome"))
                .map(f -> f.get("outcome").get("status").asText()).toList();

        assertFalse(statuses.isEmpty());
        assertEquals(Set.of("planned"), Set.copyOf(statuses));
    }

    private static JsonNode only(String fixture) {
        List<JsonNode> findings = findingsByEventId.getOrDefault(Fixtures.eventId(fixture), List.of());
        assertEquals(1, findings.size(), fixture + ": " + findings);
        return findings.getFirst();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
