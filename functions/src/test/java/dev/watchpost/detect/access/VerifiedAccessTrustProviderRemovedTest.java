package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

/** Trust provider removal; the wrapped request form is inferred (no public sample), so the flat one is read too. */
class VerifiedAccessTrustProviderRemovedTest {
    private final VerifiedAccessTrustProviderRemoved detection = new VerifiedAccessTrustProviderRemoved();

    @Test
    void namesProviderAndInstance_whenDetached() {
        Finding finding = only(detection, "access/DetachVerifiedAccessTrustProvider.detached-inferred.json");
        assertEquals("vatp-0e1f2a3b4c5d6e7f8", finding.context().get("trustProvider"));
        assertEquals("vai-0d1e2f3a4b5c6d7e8", finding.context().get("verifiedAccessInstance"));
        assertEquals("detached", finding.context().get("change"));
    }

    @Test
    void reportsADeletion() {
        assertEquals("deleted", only(detection, "access/DeleteVerifiedAccessTrustProvider.deleted-inferred.json")
                .context().get("change"));
    }

    @Test
    void readsTheFlatCamelCaseForm() {
        CloudTrailEvent event = Fixtures.edited("access/DeleteVerifiedAccessTrustProvider.deleted-inferred.json",
                "/detail", detail -> detail.putObject("requestParameters")
                        .put("verifiedAccessTrustProviderId", "vatp-1"));
        assertEquals("vatp-1", only(detection, event).context().get("trustProvider"));
    }
}
