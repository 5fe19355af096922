package dev.watchpost.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionsTest {
    private static Detection named(String id, String source, String... names) {
        DetectionInfo info = new DetectionInfo(id, Family.NETWORK, "t", Severity.LOW, Set.of(source), Set.of(names),
                List.of(), Set.of(), List.of("TTPs/Initial Access"), List.of("T1133"));
        return new Detection() {
            @Override
            public DetectionInfo info() {
                return info;
            }

            @Override
            public List<Finding> evaluate(CloudTrailEvent event) {
                return List.of();
            }
        };
    }

    private static CloudTrailEvent event(String source, String name) throws Exception {
        return CloudTrailEvent.parse(("{\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static CloudTrailEvent event(String source, String name, String categoryJson) throws Exception {
        return CloudTrailEvent.parse(("{\"eventSource\":\"" + source + "\",\"eventName\":\"" + name
                + "\",\"eventCategory\":" + categoryJson + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsADuplicateId() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Detections(List.of(
                named("network.a", "ec2.amazonaws.com", "X"), named("network.a", "ec2.amazonaws.com", "Y"))));
        assertTrue(error.getMessage().contains("network.a"));
    }

    @Test
    void rejectsAnEmptyEventNameSet() {
        assertThrows(IllegalArgumentException.class, () -> named("network.a", "ec2.amazonaws.com"));
    }

    @Test
    void rejectsAnIdOutsideItsFamily() {
        assertThrows(IllegalArgumentException.class, () -> new DetectionInfo("audit.x", Family.NETWORK, "t",
                Severity.LOW, Set.of("ec2.amazonaws.com"), Set.of("X"), List.of(), Set.of(),
                List.of("TTPs/Initial Access"), List.of("T1133")));
    }

    @Test
    void routesByEventNameAndSource() throws Exception {
        Detections detections = new Detections(List.of(named("network.a", "ec2.amazonaws.com", "X", "Y"),
                named("network.b", "ssm.amazonaws.com", "X")));
        assertEquals(List.of("network.a"), detections.forEvent(event("ec2.amazonaws.com", "X")).stream()
                .map(d -> d.info().id()).toList());
        assertEquals(List.of("network.b"), detections.forEvent(event("ssm.amazonaws.com", "X")).stream()
                .map(d -> d.info().id()).toList());
        assertTrue(detections.forEvent(event("ec2.amazonaws.com", "Z")).isEmpty());
        assertTrue(detections.forEvent(event("evil.example.com", "X")).isEmpty(), "a spoofed source reaches nothing");
    }

    @Test
    void routesOnlyManagementEvents_notTheNetworkActivityCopyOfACall() throws Exception {
        Detections detections = new Detections(List.of(named("network.a", "ec2.amazonaws.com", "X")));
        assertEquals(1, detections.forEvent(event("ec2.amazonaws.com", "X", "\"Management\"")).size());
        assertEquals(1, detections.forEvent(event("ec2.amazonaws.com", "X")).size(), "older records carry no category");
        assertTrue(detections.forEvent(event("ec2.amazonaws.com", "X", "\"NetworkActivity\"")).isEmpty());
        assertTrue(detections.forEvent(event("ec2.amazonaws.com", "X", "\"Data\"")).isEmpty());
    }

    @Test
    void defaultRegistryRoutesTheNetworkFamily() {
        Detections defaults = Detections.defaults(DetectionParameters.defaults());
        assertEquals(Set.of("ec2.amazonaws.com"), defaults.eventSources(Family.NETWORK));
        assertTrue(defaults.eventNames(Family.NETWORK).containsAll(
                Set.of("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules")));
    }
}
