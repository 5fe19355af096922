package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.hardening.ImdsTargets;
import dev.watchpost.detect.hardening.ImdsV1Allowed;
import dev.watchpost.remediate.DetailsRemediation;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.MetadataDefaultHttpTokensState;

/**
 * Requires IMDSv2 ({@code HttpTokens=required}) on each instance found allowing IMDSv1, or on the account default.
 * Default mode {@code DRY_RUN}: software that still uses IMDSv1 breaks when it is enforced. An instance that no longer
 * exists counts as done. Thread-safe.
 */
public final class RequireImdsV2 extends DetailsRemediation<ImdsTargets> {
    public static final RemediationInfo INFO = new RemediationInfo("require-imdsv2", ImdsV1Allowed.ID,
            List.of("ec2:ModifyInstanceMetadataOptions", "ec2:ModifyInstanceMetadataDefaults"),
            RemediationMode.DRY_RUN,
            Map.of("ec2:ModifyInstanceMetadataOptions", List.of("arn:{partition}:ec2:{region}:{account}:instance/*")));

    public RequireImdsV2() {
        super(INFO, ImdsTargets.class);
    }

    @Override
    protected Optional<Plan> plan(Finding finding, ImdsTargets targets, RemediationMode mode) {
        String region = ShellQuote.quote(finding.event().region());
        if (targets.accountDefault()) {
            return Optional.of(new Plan(INFO.id(), mode, List.of("account default"),
                    "Require IMDSv2 by default for new instances in " + finding.event().region(),
                    "aws ec2 modify-instance-metadata-defaults --region " + region + " --http-tokens "
                            + ShellQuote.quote(targets.accountDefaultValue())));
        }
        if (targets.instanceIds().isEmpty()) {
            return Optional.empty();
        }
        String undo = targets.instanceIds().stream()
                .map(id -> "aws ec2 modify-instance-metadata-options --region " + region + " --instance-id "
                        + ShellQuote.quote(id) + " --http-tokens optional")
                .collect(Collectors.joining(" && "));
        return Optional.of(new Plan(INFO.id(), mode, targets.instanceIds(),
                "Require IMDSv2 on " + String.join(", ", targets.instanceIds()), undo));
    }

    @Override
    protected Outcome apply(Plan plan, Finding finding, ImdsTargets targets, Remediations.Clients clients) {
        Ec2Client ec2 = clients.ec2();
        if (targets.accountDefault()) {
            try {
                ec2.modifyInstanceMetadataDefaults(r -> r.httpTokens(MetadataDefaultHttpTokensState.REQUIRED));
                return new Outcome.Applied(plan, "");
            } catch (Ec2Exception e) {
                return new Outcome.Failed(plan, Ec2Errors.describe(e));
            }
        }
        List<String> gone = new ArrayList<>();
        for (String instance : targets.instanceIds()) {
            try {
                ec2.modifyInstanceMetadataOptions(r -> r.instanceId(instance).httpTokens(HttpTokensState.REQUIRED));
            } catch (Ec2Exception e) {
                if (!Ec2Errors.code(e).startsWith("InvalidInstanceID.NotFound")) {
                    return new Outcome.Failed(plan, instance + ": " + Ec2Errors.describe(e));
                }
                gone.add(instance);
            }
        }
        return new Outcome.Applied(plan, gone.isEmpty() ? "" : "no longer exist: " + String.join(", ", gone));
    }
}
