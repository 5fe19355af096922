package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import java.util.List;
import java.util.Set;

/**
 * A Verified Access trust provider was detached from an instance or deleted.
 *
 * <p>Why it matters: the trust provider supplies the identity and device claims the policies test. Removing one is
 * how a provider is swapped for one the attacker controls (detach, then attach an OIDC provider of their own), and it
 * silently changes what every policy condition on its claims means (T1556 Modify Authentication Process). MEDIUM:
 * on its own it usually breaks access rather than opening it.
 *
 * <p>Shapes: the API reference documents {@code VerifiedAccessInstanceId} and {@code VerifiedAccessTrustProviderId};
 * CloudTrail's form is inferred, so the wrapped PascalCase and the flat camelCase forms are both read.
 *
 * <p>Known false positives: replacing a provider during an identity-provider migration.
 *
 * <p>Triage: which provider replaced it ({@code AttachVerifiedAccessTrustProvider} soon after)? Who controls that
 * identity provider? No automatic remediation: re-attaching needs the provider's configuration and may break a
 * planned migration.
 */
public final class VerifiedAccessTrustProviderRemoved implements Detection {
    public static final String ID = "access.verified-access-trust-provider-removed";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.ACCESS,
            "Verified Access trust provider removed", Severity.MEDIUM,
            Set.of("ec2.amazonaws.com"),
            Set.of("DetachVerifiedAccessTrustProvider", "DeleteVerifiedAccessTrustProvider"),
            List.of("Look for an AttachVerifiedAccessTrustProvider that followed, and who controls that provider.",
                    "Confirm the change was a planned identity-provider migration."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = Ec2Request.body(event.requestParameters(), event.eventName() + "Request");
        String provider = Ec2Request.text(request, "VerifiedAccessTrustProviderId");
        String instance = Ec2Request.text(request, "VerifiedAccessInstanceId");
        boolean deleted = event.eventName().equals("DeleteVerifiedAccessTrustProvider");
        return FindingBuilder.of(INFO, event)
                .title("Verified Access trust provider " + (provider.isEmpty() ? "" : provider + " ")
                        + (deleted ? "deleted" : "detached" + (instance.isEmpty() ? "" : " from " + instance)))
                .resource("AWS::EC2::VerifiedAccessTrustProvider", provider)
                .resource("AWS::EC2::VerifiedAccessInstance", instance)
                .context("trustProvider", provider)
                .context("verifiedAccessInstance", instance)
                .context("change", deleted ? "deleted" : "detached")
                .buildList();
    }
}
