package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The finding document is written once, field by field ({@code scan --format json} prints that text), and read as a
 * tree by the SNS message and alert facts: both must be the same document, and the text exactly what serialising the
 * tree gives, as the scanner printed before it stopped building a tree per finding.
 */
class FindingDocumentTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** Every fixture that fires, without a remediation and with each kind of outcome, and hostile strings. */
    static Stream<Arguments> alerts() {
        List<Arguments> alerts = new ArrayList<>();
        ChannelCorpusTest.firing().forEach(fixture -> {
            alerts.add(Arguments.of(fixture + ", alert only", AlertSamples.fixtureAlert(fixture, Optional.empty())));
            for (var outcome : AlertSamples.outcomes().entrySet()) {
                alerts.add(Arguments.of(fixture + ", " + outcome.getKey(),
                        AlertSamples.fixtureAlert(fixture, Optional.of(outcome.getValue()))));
            }
        });
        alerts.add(Arguments.of("hostile strings in every field", AlertSamples.hostile(300)));
        alerts.add(Arguments.of("text beyond ASCII", beyondAscii()));
        return alerts.stream();
    }

    /** The SSH fixture with a user agent and session name in other scripts, which both forms must write as they are. */
    private static Alert beyondAscii() {
        try {
            ObjectNode detail = (ObjectNode) MAPPER.readTree(Fixtures.bytes(AlertSamples.SSH_FIXTURE));
            ObjectNode event = detail.has("detail") ? (ObjectNode) detail.get("detail") : detail;
            event.put("userAgent", "aws-cli/2.15 Grüße 日本語 \uD83D\uDD12 émoji");
            CloudTrailEvent parsed = CloudTrailEvent.of(detail);
            Finding finding = Detections.defaults(DetectionParameters.defaults()).forEvent(parsed).getFirst()
                    .evaluate(parsed).getFirst();
            return new Alert(finding, Optional.empty(), AlertSamples.HANDLED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void textAndTreeAreOneDocument(String name, Alert alert) throws Exception {
        String text = FindingDocument.json(alert);
        ObjectNode tree = FindingDocument.of(alert);

        assertEquals(tree.toString(), text, "the text is the tree serialised, byte for byte");
        assertEquals(tree, MAPPER.readTree(text));
        assertEquals(FindingDocument.SCHEMA_VERSION, tree.path("schemaVersion").asInt());
        assertEquals(alert.outcome().map(Outcome::kind).orElse(null),
                tree.path("outcome").isNull() ? null : tree.path("outcome").path("status").asText());
        assertTrue(tree.path("delaySeconds").isNumber(), "every fixture has an event time");
        assertEquals(Sanitize.text(alert.finding().event().userAgent()), tree.path("userAgent").asText());
    }
}
