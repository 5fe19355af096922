package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.hardening.SnapshotShared;
import dev.watchpost.remediate.Enforcement;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ModifySnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

class MakeSnapshotPrivateTest {
    private final SnapshotEc2 ec2 = new SnapshotEc2();
    private final MakeSnapshotPrivate remediation = new MakeSnapshotPrivate();
    private final Enforcement run = new Enforcement(new SnapshotShared(), "hardening", remediation,
            Remediations.Clients.of(ec2, null));

    /** Records ModifySnapshotAttribute calls; fails them with {@code failure} when set. Nothing else is called. */
    private static final class SnapshotEc2 implements Ec2Client {
        final List<ModifySnapshotAttributeRequest> calls = new ArrayList<>();
        Ec2Exception failure;

        @Override
        public ModifySnapshotAttributeResponse modifySnapshotAttribute(ModifySnapshotAttributeRequest request) {
            calls.add(request);
            if (failure != null) {
                throw failure;
            }
            return ModifySnapshotAttributeResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "ec2";
        }

        @Override
        public void close() {}
    }

    @Test
    void removesOnlyThePublicGroup_fromTheSnapshotTheFindingNames() {
        assertInstanceOf(Outcome.Applied.class, run.enforce(run.finding("ModifySnapshotAttribute.public")));
        ModifySnapshotAttributeRequest request = ec2.calls.getFirst();
        assertEquals("snap-0a1b2c3d4e5f60718", request.snapshotId());
        assertEquals(SnapshotAttributeName.CREATE_VOLUME_PERMISSION, request.attribute());
        assertEquals(OperationType.REMOVE, request.operationType());
        assertEquals(List.of("all"), request.groupNames());
        assertTrue(request.userIds().isEmpty());
    }

    @Test
    void plansNothing_forASnapshotSharedOnlyWithAccounts() {
        assertTrue(remediation.plan(run.finding("ModifySnapshotAttribute.shared-with-account"), RemediationMode.ENFORCE)
                .isEmpty());
    }

    @Test
    void undoCommandMakesItPublicAgainInTheSameRegion() {
        Plan plan = remediation.plan(run.finding("ModifySnapshotAttribute.public"), RemediationMode.DRY_RUN)
                .orElseThrow();
        assertEquals("aws ec2 modify-snapshot-attribute --region us-east-1 --snapshot-id snap-0a1b2c3d4e5f60718"
                + " --attribute createVolumePermission --operation-type add --group-names all", plan.undoCommand());
    }

    @Test
    void countsADeletedSnapshotAsDone() {
        ec2.failure = FakeEc2.error("InvalidSnapshot.NotFound", 400);
        Outcome.Applied applied = assertInstanceOf(Outcome.Applied.class,
                run.enforce(run.finding("ModifySnapshotAttribute.public")));
        assertTrue(applied.detail().contains("no longer exists"));
    }

    @Test
    void reportsAnyOtherErrorWithItsCode() {
        ec2.failure = FakeEc2.error("UnauthorizedOperation", 403);
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class,
                run.enforce(run.finding("ModifySnapshotAttribute.public")));
        assertTrue(failed.error().startsWith("UnauthorizedOperation"), failed.error());
    }

    @Test
    void defaultsToDryRun() {
        assertEquals(RemediationMode.DRY_RUN, MakeSnapshotPrivate.INFO.defaultMode());
        assertEquals(List.of("arn:{partition}:ec2:{region}::snapshot/*"),
                MakeSnapshotPrivate.INFO.resourcesFor("ec2:ModifySnapshotAttribute"));
    }
}
