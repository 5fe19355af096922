package dev.watchpost.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.sweep.Sweeps;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionCatalogTest {
    private static final String VALID = """
            {"title": "t", "severity": "LOW", "eventSources": ["ec2.amazonaws.com"], "eventNames": ["X"],
             "triage": ["look"], "asffTypes": ["TTPs/Initial Access"], "techniques": ["T1133"]}""";

    @Test
    void describesExactlyTheShippedDetections_ofEventsAndOfSweepsOnly() {
        Set<String> shipped = new TreeSet<>(Detections.defaults(DetectionParameters.defaults()).ids());
        Sweeps.sweepOnly().forEach(detection -> shipped.add(detection.info().id()));
        assertEquals(shipped, new TreeSet<>(DetectionCatalog.shipped().ids()));
    }

    @Test
    void readsAnEntry_withTheFamilyFromTheIdPrefix() throws Exception {
        DetectionInfo info = parse("access.x", VALID).find("access.x").orElseThrow();
        assertEquals(Family.ACCESS, info.family());
        assertEquals(List.of("TTPs/Initial Access"), info.asffTypes());
        assertEquals(List.of("T1133"), info.techniques());
        assertEquals(Set.of(), info.readOnlyEventNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"severity\": \"LOW\"|\"severity\": \"low\"|field \"severity\"",
        "\"triage\": [\"look\"]|\"triage\": []|field \"triage\"",
        "\"techniques\": [\"T1133\"]|\"techniques\": [\"T133\"]|ATT&CK technique \"T133\"",
        "\"techniques\": [\"T1133\"]|\"techniques\": [\"T1133.1\"]|ATT&CK technique \"T1133.1\"",
        "\"asffTypes\": [\"TTPs/Initial Access\"]|\"asffTypes\": [\"TTPs\"]|is not Namespace/Category",
        "\"asffTypes\": [\"TTPs/Initial Access\"]|\"asffTypes\": [\"Threats/Initial Access\"]|namespace \"Threats\"",
        "\"asffTypes\": [\"TTPs/Initial Access\"]|\"asffTypes\": [\"TTPs/Inital Access\"]|category \"Inital Access\"",
        "\"title\": \"t\"|\"titel\": \"t\"|unknown field \"titel\"",
    })
    void rejectsABadField_namingTheDetectionAndTheField(String good, String bad, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse("network.x", VALID.replace(good, bad)));
        assertTrue(e.getMessage().startsWith("test.json: detection network.x"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsAnIdWithoutAFamily() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse("storage.x", VALID));
        assertTrue(e.getMessage().contains("detection storage.x: the id does not start with a family"),
                e.getMessage());
    }

    @Test
    void aDetectionWithoutAnEntryFailsWhenBuilt_namingItsId() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SuccessfulCallDetection("network.not-in-the-catalog") {
                    @Override
                    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
                        return List.of();
                    }
                });
        assertEquals("detect/catalog.json has no entry for detection network.not-in-the-catalog", e.getMessage());
    }

    private static DetectionCatalog parse(String id, String entry) throws Exception {
        JsonNode root = new ObjectMapper().readTree("{\"" + id + "\": " + entry + "}");
        return DetectionCatalog.parse(root, "test.json");
    }
}
