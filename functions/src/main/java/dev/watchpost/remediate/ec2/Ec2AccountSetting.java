package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.ShellQuote;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import dev.watchpost.detect.hardening.EbsDefaultEncryptionDisabled;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.Remediation;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * Puts an account-level EC2 setting of one region back: one idempotent API call with no target but the region
 * (setting it when it is already set succeeds). Used for serial console access and EBS encryption by default.
 * Thread-safe.
 */
public final class Ec2AccountSetting implements Remediation {
    public static final RemediationInfo DISABLE_SERIAL_CONSOLE = new RemediationInfo("disable-serial-console-access",
            SerialConsoleEnabled.ID, List.of("ec2:DisableSerialConsoleAccess"), RemediationMode.DRY_RUN);
    public static final RemediationInfo ENABLE_EBS_ENCRYPTION = new RemediationInfo("enable-ebs-default-encryption",
            EbsDefaultEncryptionDisabled.ID, List.of("ec2:EnableEbsEncryptionByDefault"), RemediationMode.ENFORCE);

    private final RemediationInfo info;
    private final String what;
    private final String undoVerb;
    private final Consumer<Ec2Client> call;

    private Ec2AccountSetting(RemediationInfo info, String what, String undoVerb, Consumer<Ec2Client> call) {
        this.info = info;
        this.what = what;
        this.undoVerb = undoVerb;
        this.call = call;
    }

    public static Ec2AccountSetting disableSerialConsoleAccess() {
        return new Ec2AccountSetting(DISABLE_SERIAL_CONSOLE, "Disable serial console access",
                "enable-serial-console-access", client -> client.disableSerialConsoleAccess(r -> { }));
    }

    public static Ec2AccountSetting enableEbsDefaultEncryption() {
        return new Ec2AccountSetting(ENABLE_EBS_ENCRYPTION, "Enable EBS encryption by default",
                "disable-ebs-encryption-by-default", client -> client.enableEbsEncryptionByDefault(r -> { }));
    }

    @Override
    public RemediationInfo info() {
        return info;
    }

    @Override
    public Optional<Plan> plan(Finding finding, RemediationMode mode) {
        String region = finding.event().region();
        return Optional.of(new Plan(info.id(), mode, List.of(finding.event().account() + "/" + region),
                what + " in " + finding.event().account() + "/" + region,
                "aws ec2 " + undoVerb + " --region " + ShellQuote.quote(region)));
    }

    @Override
    public Outcome apply(Plan plan, Finding finding, Remediations.Clients clients) {
        try {
            call.accept(clients.ec2());
            return new Outcome.Applied(plan, "");
        } catch (Ec2Exception e) {
            return new Outcome.Failed(plan, Ec2Errors.describe(e));
        }
    }
}
