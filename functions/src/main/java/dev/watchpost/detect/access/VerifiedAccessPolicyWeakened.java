package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Optional;

/**
 * A Verified Access group or endpoint policy was turned off or replaced by one that permits without a condition.
 *
 * <p>Why it matters: the policy is what Verified Access checks beyond "the trust provider knows this user"; both
 * the group's and the endpoint's policy must allow, and an endpoint without a policy leaves only the group's (AWS
 * Verified Access user guide, policy evaluation). Turning one off, or writing
 * {@code permit(principal, action, resource);} with no {@code when}, opens the applications behind it, including
 * SSH/RDP TCP endpoints, to every identity the provider vouches for (Modify Authentication Process). HIGH for an
 * unconditioned permit, MEDIUM for a policy turned off (what a group without a policy does is for the group's
 * endpoints' own policies to say).
 *
 * <p>Shapes: the API reference documents {@code PolicyEnabled} and {@code PolicyDocument} on
 * {@code ModifyVerifiedAccessEndpointPolicy}/{@code ModifyVerifiedAccessGroupPolicy}, and the same two in the
 * response. CloudTrail's form is inferred (wrapped PascalCase {@code Modify…PolicyRequest}, or flat camelCase); both
 * are read, the request first. A document CloudTrail redacted cannot be judged and is reported only if the policy was
 * also turned off.
 *
 * <p>Known false positives: a temporary allow-all while onboarding an application.
 */
public final class VerifiedAccessPolicyWeakened extends SuccessfulCallDetection {
    public static final String ID = "access.verified-access-policy-weakened";

    public VerifiedAccessPolicyWeakened() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        JsonNode response = Ec2Request.response(event);
        Optional<Boolean> enabled = Json.bool(Ec2Request.field(request, "PolicyEnabled"))
                .or(() -> Json.bool(Ec2Request.field(response, "PolicyEnabled")));
        String document = Ec2Request.firstText("PolicyDocument", request, response);
        boolean turnedOff = enabled.isPresent() && !enabled.get();
        boolean unconditional = !turnedOff && !document.equals(CedarPolicy.REDACTED)
                && CedarPolicy.hasUnconditionalPermit(document);
        if (!turnedOff && !unconditional) {
            return List.of();
        }
        boolean group = event.eventName().equals("ModifyVerifiedAccessGroupPolicy");
        String id = Ec2Request.text(request, group ? "VerifiedAccessGroupId" : "VerifiedAccessEndpointId");
        String what = group ? "group" : "endpoint";
        return finding(event)
                .severity(unconditional ? Severity.HIGH : Severity.MEDIUM)
                .title("Verified Access " + what + " policy " + (unconditional ? "permits without a condition"
                        : "turned off") + (id.isEmpty() ? "" : " on " + id))
                .resource(group ? "AWS::EC2::VerifiedAccessGroup" : "AWS::EC2::VerifiedAccessEndpoint", id)
                .context(what, id)
                .context("policyEnabled", enabled.map(String::valueOf).orElse(""))
                .context("change", unconditional ? "a permit statement has no when/unless condition"
                        : "policy turned off")
                .buildList();
    }
}
