package dev.watchpost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.sweep.Sweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog in {@code docs/detections.md} is written for people, but each of its facts that the registry also holds
 * must agree with it: every detection (of the event registry, and the sweep-only ones of {@link Sweeps#sweepOnly})
 * has exactly one row and no row names a detection Watchpost does not have; a row's severity starts with the
 * detection's severity, its remediation and default mode are the registry's, and its ATT&amp;CK column lists exactly
 * the catalog's techniques; every remediation has exactly one row, which lists exactly the IAM actions it is granted.
 * A detection or remediation added without its row, or a severity, mode or technique changed in the catalog alone,
 * fails here.
 */
class DetectionCatalogDocTest {
    private static final Path DOC = Path.of(System.getProperty("watchpost.events", "../events")).toAbsolutePath()
            .normalize().getParent().resolve("docs/detections.md");
    /** {@code | `id` | events | severity | remediation | default mode | ATT&CK |} */
    private static final Pattern DETECTION_ROW = Pattern.compile(
            "^\\| `([a-z]+\\.[a-z0-9-]+)` \\|(.*)\\|(.*)\\|(.*)\\|(.*)\\|(.*)\\|\\s*$", Pattern.MULTILINE);
    /** {@code | `remediation-id` | `service:Action`, … | scope |} */
    private static final Pattern REMEDIATION_ROW = Pattern.compile(
            "^\\| `([a-z0-9-]+)` \\|(.*)\\|(.*)\\|\\s*$", Pattern.MULTILINE);
    private static final Pattern IAM_ACTION = Pattern.compile("`([a-z0-9-]+:[A-Za-z0-9]+)`");
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private static final List<Detection> DETECTIONS = Stream.concat(
            Detections.defaults(DetectionParameters.defaults()).all().stream(), Sweeps.sweepOnly().stream()).toList();

    private record Row(String events, String severity, String remediation, String mode, String techniques) {}

    @Test
    void hasOneRowPerDetection_andNoOther() throws IOException {
        Map<String, Row> rows = detectionRows();
        Set<String> ids = DETECTIONS.stream().map(d -> d.info().id()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids, new TreeSet<>(rows.keySet()));
    }

    @Test
    void eachRowStatesTheRegistrysSeverityRemediationDefaultModeAndTechniques() throws IOException {
        Map<String, Row> rows = detectionRows();
        List<String> wrong = new ArrayList<>();
        for (Detection detection : DETECTIONS) {
            String id = detection.info().id();
            Row row = rows.get(id);
            if (row == null) {
                continue;
            }
            if (!row.severity().startsWith(detection.info().severity().name())) {
                wrong.add(id + ": severity \"" + row.severity() + "\", registry " + detection.info().severity());
            }
            Optional<RemediationInfo> remediation = Remediations.catalog().stream()
                    .filter(info -> info.detectionId().equals(id)).findFirst();
            String expectedRemediation = remediation.map(info -> "`" + info.id() + "`").orElse("none");
            String expectedMode = remediation.map(info -> "`" + info.defaultMode().name() + "`").orElse("—");
            if (!row.remediation().startsWith(expectedRemediation)) {
                wrong.add(id + ": remediation \"" + row.remediation() + "\", registry " + expectedRemediation);
            }
            if (!row.mode().equals(expectedMode)) {
                wrong.add(id + ": default mode \"" + row.mode() + "\", registry " + expectedMode);
            }
            Set<String> techniques = new TreeSet<>();
            TECHNIQUE.matcher(row.techniques()).results().forEach(match -> techniques.add(match.group()));
            if (!techniques.equals(new TreeSet<>(detection.info().techniques()))) {
                wrong.add(id + ": ATT&CK \"" + row.techniques() + "\", catalog " + detection.info().techniques());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void hasOneRowPerRemediation_listingExactlyItsIamActions() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, Set<String>> documented = DocTables.itemsByRow(doc, REMEDIATION_ROW, IAM_ACTION);
        assertEquals(Remediations.catalog().stream().map(RemediationInfo::id).collect(Collectors.toCollection(
                TreeSet::new)), new TreeSet<>(documented.keySet()), "the remediation rows of docs/detections.md");
        for (RemediationInfo info : Remediations.catalog()) {
            assertEquals(new TreeSet<>(info.iamActions()), documented.get(info.id()),
                    "the IAM actions of " + info.id() + " in docs/detections.md");
        }
    }

    private static Map<String, Row> detectionRows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher matcher = DETECTION_ROW.matcher(Files.readString(DOC));
        while (matcher.find()) {
            Row row = new Row(matcher.group(2).trim(), matcher.group(3).trim(), matcher.group(4).trim(),
                    matcher.group(5).trim(), matcher.group(6).trim());
            if (rows.put(matcher.group(1), row) != null) {
                throw new AssertionError("two rows for " + matcher.group(1) + " in docs/detections.md");
            }
        }
        return rows;
    }
}
