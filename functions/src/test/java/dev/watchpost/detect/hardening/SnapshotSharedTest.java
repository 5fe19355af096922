package dev.watchpost.detect.hardening;

import static dev.watchpost.detect.DetectionFixtures.findings;
import static dev.watchpost.detect.DetectionFixtures.only;
import static dev.watchpost.detect.DetectionFixtures.replacing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import org.junit.jupiter.api.Test;

class SnapshotSharedTest {
    private final SnapshotShared detection = new SnapshotShared();

    @Test
    void firesHigh_whenMadePublic() {
        Finding finding = only(detection, "hardening/ModifySnapshotAttribute.public.json");
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals("true", finding.context().get("public"));
        assertEquals("snap-0a1b2c3d4e5f60718", finding.resources().getFirst().id());
    }

    @Test
    void firesMedium_whenSharedWithAnotherAccount() {
        Finding finding = only(detection, "hardening/ModifySnapshotAttribute.shared-with-account.json");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals("210987654321", finding.context().get("sharedWith"));
    }

    @Test
    void readsTheFlatOperationTypeForm() {
        CloudTrailEvent event = replacing("hardening/ModifySnapshotAttribute.made-private.json",
                "/detail/requestParameters", "createVolumePermission", request -> {
                    request.put("operationType", "add");
                    request.putObject("userGroup").putArray("items").add("all");
                });
        assertEquals(Severity.HIGH, only(detection, event).severity());
    }

    @Test
    void ignoresMakingItPrivate() {
        assertTrue(findings(detection, "hardening/ModifySnapshotAttribute.made-private.json").isEmpty());
    }
}
