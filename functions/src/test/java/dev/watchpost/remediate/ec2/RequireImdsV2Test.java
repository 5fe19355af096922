package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.hardening.ImdsTargets;
import dev.watchpost.detect.hardening.ImdsV1Allowed;
import dev.watchpost.remediate.Enforcement;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.MetadataDefaultHttpTokensState;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataDefaultsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;

class RequireImdsV2Test {
    private final FakeEc2 ec2 = new FakeEc2();
    private final RequireImdsV2 require = new RequireImdsV2();
    private final Enforcement run = new Enforcement(new ImdsV1Allowed(), "hardening", require,
            Remediations.Clients.of(ec2, null));

    @Test
    void requiresTokensOnlyOnTheInstanceThatAllowsImdsV1() {
        Finding finding = run.finding("RunInstances.two-instances-one-optional");
        assertInstanceOf(Outcome.Applied.class, run.enforce(finding));
        assertEquals(1, ec2.calls.size());
        ModifyInstanceMetadataOptionsRequest request = (ModifyInstanceMetadataOptionsRequest) ec2.calls.getFirst();
        assertEquals(((ImdsTargets) finding.details()).instanceIds().getFirst(), request.instanceId());
        assertEquals(HttpTokensState.REQUIRED, request.httpTokens());
    }

    @Test
    void requiresTokensByDefaultForTheAccount() {
        Finding finding = run.finding("ModifyInstanceMetadataDefaults.optional");
        Plan plan = require.plan(finding, RemediationMode.ENFORCE).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, require.apply(plan, finding, Remediations.Clients.of(ec2, null)));
        ModifyInstanceMetadataDefaultsRequest request = (ModifyInstanceMetadataDefaultsRequest) ec2.calls.getFirst();
        assertEquals(MetadataDefaultHttpTokensState.REQUIRED, request.httpTokens());
        assertTrue(plan.undoCommand().contains("modify-instance-metadata-defaults"));
    }

    @Test
    void undoRestoresTheAccountDefaultThatWasSet() {
        assertTrue(require.plan(run.finding("ModifyInstanceMetadataDefaults.optional"), RemediationMode.ENFORCE)
                .orElseThrow().undoCommand().endsWith("--http-tokens optional"));
        assertTrue(require.plan(run.finding("ModifyInstanceMetadataDefaults.no-preference"), RemediationMode.ENFORCE)
                .orElseThrow().undoCommand().endsWith("--http-tokens no-preference"));
    }

    @Test
    void plansNothing_whenOnlyLaunchEnforcementWasTurnedOff_orTheLaunchCouldNotBeRead() {
        assertTrue(require.plan(run.finding("ModifyInstanceMetadataDefaults.enforcement-disabled"),
                RemediationMode.ENFORCE).isEmpty());
        assertTrue(require.plan(run.finding("RunInstances.response-omitted"), RemediationMode.ENFORCE).isEmpty());
    }

    @Test
    void countsATerminatedInstanceAsDone() {
        ec2.failSettings(FakeEc2.error("InvalidInstanceID.NotFound", 400));
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class,
                run.enforce(run.finding("RunInstances.imdsv1-optional")));
        assertTrue(applied.detail().contains("no longer exist"));
    }

    @Test
    void reportsAccessDeniedAsFailed() {
        ec2.failSettings(FakeEc2.error("UnauthorizedOperation", 403));
        assertInstanceOf(Outcome.Failed.class, run.enforce(run.finding("ModifyInstanceMetadataOptions.optional")));
    }

    @Test
    void defaultsToDryRunBecauseOldSoftwareMayNeedImdsV1() {
        assertEquals(RemediationMode.DRY_RUN, RequireImdsV2.INFO.defaultMode());
    }
}
