package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SendCommand as CloudTrail records it: the request's {@code instanceIds}/{@code targets}/{@code documentName} and the
 * response's {@code command}. The request keys follow SSM's JSON API; the response shape is inferred from the API's
 * {@code Command} structure (no public CloudTrail sample of it was found).
 */
class SsmCommandSentTest {
    private static final String SHELL_SCRIPT = "access/SendCommand.run-shell-script.json";
    private final SsmCommandSent detection = new SsmCommandSent();

    @Test
    void ratesAShellDocumentHigh_andNamesEveryInstance() {
        Finding finding = only(detection, SHELL_SCRIPT);
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("AWS-RunShellScript", finding.context().get("document"));
        assertEquals(2, finding.resources().stream().filter(r -> r.type().equals(Resource.INSTANCE)).count());
        assertTrue(finding.context().get("commandId").startsWith("5e2a1c9e"));
        assertTrue(finding.title().contains("AWS-RunShellScript"), finding.title());
    }

    @ParameterizedTest(name = "rates {0} {2}")
    @CsvSource({
            "PowerShell, AWS-RunPowerShellScript, HIGH",
            "a shell document named by ARN, arn:aws:ssm:us-east-1::document/AWS-RunShellScript, HIGH",
            "a document of the account itself, Ops-Deploy, MEDIUM",
            "a document shared from another account, "
                    + "arn:aws:ssm:us-east-1:210987654321:document/AWS-Lookalike, MEDIUM"})
    void ratesTheDocumentItRuns(String behaviour, String document, Severity severity) {
        CloudTrailEvent event = Fixtures.edited(SHELL_SCRIPT, "/detail/requestParameters",
                request -> request.put("documentName", document));
        assertEquals(severity, only(detection, event).severity());
    }

    @Test
    void ratesAwsOwnedPatchingLow_andNamesTagTargets() {
        Finding finding = only(detection, "access/SendCommand.patch-baseline-tag-targets.json");
        assertEquals(Severity.LOW, finding.severity());
        assertEquals("tag:PatchGroup=web", finding.context().get("targets"));
        assertTrue(finding.title().endsWith("tag:PatchGroup=web"), finding.title());
    }

    @Test
    void readsDocumentAndInstancesFromTheResponse_whenTheRequestHasNone() {
        CloudTrailEvent event = Fixtures.edited(SHELL_SCRIPT, "/detail/requestParameters",
                request -> request.remove(List.of("documentName", "instanceIds")));
        Finding finding = only(detection, event);
        assertEquals("AWS-RunShellScript", finding.context().get("document"));
        assertEquals(2, finding.resources().size());
    }

    @Test
    void firesWithoutCrashing_whenRequestAndResponseAreNull() {
        CloudTrailEvent event = Fixtures.edited(SHELL_SCRIPT, "/detail", detail -> {
            detail.putNull("requestParameters");
            detail.putNull("responseElements");
        });
        Finding finding = only(detection, event);
        assertEquals(Severity.MEDIUM, finding.severity());
        assertTrue(finding.resources().isEmpty());
    }
}
