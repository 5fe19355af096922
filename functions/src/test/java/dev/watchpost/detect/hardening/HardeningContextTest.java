package dev.watchpost.detect.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import org.junit.jupiter.api.Test;

class HardeningContextTest {
    private static Finding imds(String fixture) {
        return new ImdsV1Allowed().evaluate(Fixtures.event("hardening/" + fixture + ".json")).getFirst();
    }

    @Test
    void runInstancesTargetsOnlyInstancesThatAllowImdsV1() {
        ImdsTargets targets = (ImdsTargets) imds("RunInstances.two-instances-one-optional").details();
        assertEquals(1, targets.instanceIds().size());
        assertFalse(targets.accountDefault());
    }

    @Test
    void autoscalingLaunchesAreKeptAndSaySo() {
        Finding finding = imds("RunInstances.autoscaling-optional");
        assertEquals("autoscaling.amazonaws.com", finding.context().get("madeByAwsService"));
    }

    @Test
    void theAccountDefaultIsItsOwnTarget() {
        ImdsTargets targets = (ImdsTargets) imds("ModifyInstanceMetadataDefaults.optional").details();
        assertTrue(targets.accountDefault());
        assertTrue(targets.instanceIds().isEmpty());
    }

    @Test
    void replaceAssociationTakesTheInstanceFromTheResponse() {
        Finding finding = new InstanceProfileChanged()
                .evaluate(Fixtures.event("hardening/ReplaceIamInstanceProfileAssociation.replaced.json")).getFirst();
        assertTrue(finding.context().get("instance").startsWith("i-"), finding.context().toString());
        assertTrue(finding.context().get("instanceProfile").contains("admin-profile"));
    }

    @Test
    void keyPairReportsNameTypeAndFingerprint() {
        Finding finding = new KeyPairAdded().evaluate(Fixtures.event("hardening/CreateKeyPair.created.json"))
                .getFirst();
        assertEquals("deploy-key", finding.context().get("keyName"));
        assertEquals("ed25519", finding.context().get("keyType"));
        assertFalse(finding.context().get("fingerprint").isEmpty());
    }
}
