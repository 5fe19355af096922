package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule patterns come from the registry, and EventBridge sources from CloudTrail event sources. */
final class FamilyRoutingTest {
    @ParameterizedTest
    @CsvSource({
            "ec2.amazonaws.com, aws.ec2",
            "cloudtrail.amazonaws.com, aws.cloudtrail",
            "ssm.amazonaws.com, aws.ssm",
            "ec2-instance-connect.amazonaws.com, aws.ec2-instance-connect"})
    void derivesTheEventBridgeSource(String eventSource, String source) {
        assertEquals(source, FamilyRouting.eventBridgeSource(eventSource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2", "aws.ec2", ".amazonaws.com", "ec2.amazonaws.com.cn"})
    void rejectsWhatIsNotAServiceEndpoint(String eventSource) {
        assertThrows(IllegalArgumentException.class, () -> FamilyRouting.eventBridgeSource(eventSource));
    }

    @Test
    void routesTheNetworkFamilyByItsDetectionsOnly() {
        FamilyRouting routing = FamilyRouting.of(Detections.defaults(DetectionParameters.defaults()), Family.NETWORK);

        assertEquals(List.of("aws.ec2"), routing.sources());
        assertEquals(List.of("ec2.amazonaws.com"), routing.eventSources());
        assertEquals(List.of("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"), routing.eventNames());
    }

    @Test
    void refusesAFamilyWithoutDetections() {
        Detections registry = Detections.defaults(DetectionParameters.defaults());
        assertThrows(IllegalArgumentException.class, () -> FamilyRouting.of(registry, Family.AUDIT));
    }
}
