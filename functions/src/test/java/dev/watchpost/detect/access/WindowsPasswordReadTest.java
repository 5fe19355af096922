package dev.watchpost.detect.access;

import static dev.watchpost.detect.DetectionFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import org.junit.jupiter.api.Test;

/** GetPasswordData is a read-only event (readOnly true, no responseElements), as a public sample shows. */
class WindowsPasswordReadTest {
    private final WindowsPasswordRead detection = new WindowsPasswordRead();

    @Test
    void firesMedium_andNamesTheInstance() {
        Finding finding = only(detection, "access/GetPasswordData.read.json");
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(new Resource(Resource.INSTANCE, "i-0a1b2c3d4e5f60718"), finding.resources().getFirst());
    }
}
