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
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(
                        Named.of("disables serial console access", Ec2AccountSetting.disableSerialConsoleAccess()),
                        serialConsole(), DisableSerialConsoleAccessRequest.class,
                        "aws ec2 enable-serial-console-access --region us-east-1"),
                Arguments.of(
                        Named.of("enables EBS encryption by default", Ec2AccountSetting.enableEbsDefaultEncryption()),
                        ebs(), EnableEbsEncryptionByDefaultRequest.class,
                        "aws ec2 disable-ebs-encryption-by-default --region us-east-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void changesTheAccountSetting_andPlansTheCommandThatUndoesIt(Ec2AccountSetting action, Finding finding,
                                                                 Class<?> request, String undoCommand) {
        Plan plan = action.plan(finding, RemediationMode.ENFORCE).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, action.apply(plan, finding, Remediations.Clients.of(ec2, null)));
        assertInstanceOf(request, ec2.calls.getFirst());
        assertEquals(undoCommand, plan.undoCommand());
    }

    @Test
    void serialConsoleDefaultsToDryRun() {
        assertEquals(RemediationMode.DRY_RUN, Ec2AccountSetting.DISABLE_SERIAL_CONSOLE.defaultMode());
        assertEquals(RemediationMode.ENFORCE, Ec2AccountSetting.ENABLE_EBS_ENCRYPTION.defaultMode());
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
