package dev.watchpost.detect.hardening;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * An EC2 key pair was created or imported.
 *
 * <p>Why it matters: a new key pair is how persistent SSH access is planted in new instances. LOW.
 * CloudTrail removes key material, so the finding carries name, type and fingerprint only.
 */
public final class KeyPairAdded extends SuccessfulCallDetection {
    public static final String ID = "hardening.key-pair-added";

    public KeyPairAdded() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String name = Json.firstText("keyName", event.responseElements(), event.requestParameters());
        String keyPairId = Json.text(event.responseElements(), "keyPairId");
        String verb = event.eventName().equals("ImportKeyPair") ? "imported" : "created";
        return finding(event)
                .title("Key pair " + (name.isEmpty() ? "" : name + " ") + verb)
                .resource(Resource.KEY_PAIR, keyPairId.isEmpty() ? name : keyPairId)
                .context("keyName", name)
                .context("keyPairId", keyPairId)
                .context("keyType", Json.text(event.requestParameters(), "keyType"))
                .context("fingerprint", Json.text(event.responseElements(), "keyFingerprint"))
                .buildList();
    }
}
