package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;
import java.util.Set;

/**
 * An EC2 key pair was created or imported.
 *
 * <p>Why it matters: a new key pair is how persistent SSH access is planted in new instances (T1098.004). LOW.
 * CloudTrail removes key material, so the finding carries name, type and fingerprint only.
 *
 * <p>Triage: who will hold the private key? Which instances launch with it next?
 */
public final class KeyPairAdded implements Detection {
    public static final String ID = "hardening.key-pair-added";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.HARDENING,
            "EC2 key pair added", Severity.LOW,
            Set.of("ec2.amazonaws.com"), Set.of("CreateKeyPair", "ImportKeyPair"),
            List.of("Confirm who holds the private key and why a new key pair was needed.",
                    "Watch for RunInstances calls that use it."));

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        String name = Json.text(event.responseElements(), "keyName");
        if (name.isEmpty()) {
            name = Json.text(event.requestParameters(), "keyName");
        }
        String keyPairId = Json.text(event.responseElements(), "keyPairId");
        String verb = event.eventName().equals("ImportKeyPair") ? "imported" : "created";
        return FindingBuilder.of(INFO, event)
                .title("Key pair " + (name.isEmpty() ? "" : name + " ") + verb)
                .resource(Resource.KEY_PAIR, keyPairId.isEmpty() ? name : keyPairId)
                .context("keyName", name)
                .context("keyPairId", keyPairId)
                .context("keyType", Json.text(event.requestParameters(), "keyType"))
                .context("fingerprint", Json.text(event.responseElements(), "keyFingerprint"))
                .buildList();
    }
}
