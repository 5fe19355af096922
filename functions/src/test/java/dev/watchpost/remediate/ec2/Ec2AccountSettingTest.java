package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.access.SerialConsoleEnabled;
import dev.watchpost.detect.hardening.EbsDefaultEncryptionDisabled;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DisableSerialConsoleAccessRequest;
import software.amazon.awssdk.services.ec2.model.EnableEbsEncryptionByDefaultRequest;

class Ec2AccountSettingTest {
    private final FakeEc2 ec2 = new FakeEc2();

    private static Finding serialConsole() {
        return new SerialConsoleEnabled().evaluate(Fixtures.event("access/EnableSerialConsoleAccess.enabled.json"))
                .getFirst();
    }

    private static Finding ebs() {
        return new EbsDefaultEncryptionDisabled()
                .evaluate(Fixtures.event("hardening/DisableEbsEncryptionByDefault.disabled.json")).getFirst();
    }

    @Test
    void disablesSerialConsoleAccess() {
        Ec2AccountSetting action = Ec2AccountSetting.disableSerialConsoleAccess();
        Plan plan = action.plan(serialConsole(), RemediationMode.ENFORCE).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, action.apply(plan, serialConsole(), Remediations.Clients.of(ec2, null)));
        assertInstanceOf(DisableSerialConsoleAccessRequest.class, ec2.calls.getFirst());
        assertEquals("aws ec2 enable-serial-console-access --region us-east-1", plan.undoCommand());
    }

    @Test
    void serialConsoleDefaultsToDryRun() {
        assertEquals(RemediationMode.DRY_RUN, Ec2AccountSetting.DISABLE_SERIAL_CONSOLE.defaultMode());
        assertEquals(RemediationMode.ENFORCE, Ec2AccountSetting.ENABLE_EBS_ENCRYPTION.defaultMode());
    }

    @Test
    void enablesEbsEncryptionByDefault() {
        Ec2AccountSetting action = Ec2AccountSetting.enableEbsDefaultEncryption();
        Plan plan = action.plan(ebs(), RemediationMode.ENFORCE).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, action.apply(plan, ebs(), Remediations.Clients.of(ec2, null)));
        assertInstanceOf(EnableEbsEncryptionByDefaultRequest.class, ec2.calls.getFirst());
        assertEquals("aws ec2 disable-ebs-encryption-by-default --region us-east-1", plan.undoCommand());
    }

    @Test
    void reportsAccessDeniedAsFailed() {
        ec2.failSettings(FakeEc2.error("UnauthorizedOperation", 403));
        Ec2AccountSetting action = Ec2AccountSetting.enableEbsDefaultEncryption();
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class,
                action.apply(action.plan(ebs(), RemediationMode.ENFORCE).orElseThrow(), ebs(),
                        Remediations.Clients.of(ec2, null)));
        assertTrue(failed.error().startsWith("UnauthorizedOperation"));
    }
}
