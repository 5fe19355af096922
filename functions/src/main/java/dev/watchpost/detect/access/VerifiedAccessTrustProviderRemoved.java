package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import java.util.List;

/**
 * A Verified Access trust provider was detached from an instance or deleted.
 *
 * <p>Why it matters: the trust provider supplies the identity and device claims the policies test. Removing one is
 * how a provider is swapped for one the attacker controls (detach, then attach an OIDC provider of their own), and it
 * silently changes what every policy condition on its claims means (Modify Authentication Process). MEDIUM:
 * on its own it usually breaks access rather than opening it.
 *
 * <p>Shapes: the API reference documents {@code VerifiedAccessInstanceId} and {@code VerifiedAccessTrustProviderId};
 * CloudTrail's form is inferred, so the wrapped PascalCase and the flat camelCase forms are both read.
 *
 * <p>Known false positives: replacing a provider during an identity-provider migration.
 */
public final class VerifiedAccessTrustProviderRemoved extends SuccessfulCallDetection {
    public static final String ID = "access.verified-access-trust-provider-removed";

    public VerifiedAccessTrustProviderRemoved() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        String provider = Ec2Request.text(request, "VerifiedAccessTrustProviderId");
        String instance = Ec2Request.text(request, "VerifiedAccessInstanceId");
        boolean deleted = event.eventName().equals("DeleteVerifiedAccessTrustProvider");
        return finding(event)
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
