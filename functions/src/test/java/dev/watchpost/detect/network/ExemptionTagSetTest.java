package dev.watchpost.detect.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExemptionTagSetTest {
    private final ExemptionTagSet detection = new ExemptionTagSet(DetectionParameters.defaults());

    @Test
    void fires_whenTheExemptionTagIsPutOnASecurityGroup() {
        List<Finding> findings = detection.evaluate(Fixtures.event("network/CreateTags.exemption-on-sg.json"));

        assertEquals(1, findings.size());
        Finding finding = findings.getFirst();
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(List.of(new Resource(Resource.SECURITY_GROUP, "sg-2c53d16ce65dea612")), finding.resources());
        assertEquals("bastion for vendor access until=2026-12-31", finding.context().get("reason"));
        assertTrue(finding.title().contains("watchpost:exempt"), finding.title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"network/CreateTags.other-key.json", "network/CreateTags.exemption-on-instance.json",
            "network/CreateTags.failed.json", "network/CreateTags.dry-run.json"})
    void ignores_otherTagsOtherResourcesAndCallsThatDidNotSucceed(String fixture) {
        assertEquals(List.of(), detection.evaluate(Fixtures.event(fixture)));
    }

    @Test
    void followsTheConfiguredTagKey() {
        ExemptionTagSet custom = new ExemptionTagSet(new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS,
                0, List.<Cidr>of(), DetectionParameters.DEFAULT_NAME_PREFIX, "team:exempt"));

        assertEquals(List.of(), custom.evaluate(Fixtures.event("network/CreateTags.exemption-on-sg.json")));
    }

    @Test
    void fires_whenASecurityGroupIsCreatedWithTheExemptionTagInItsTagSpecification() {
        Finding finding = detection.evaluate(Fixtures.event("network/CreateSecurityGroup.exemption-in-tag-specification.json"))
                .getFirst();
        assertEquals(List.of(new Resource(Resource.SECURITY_GROUP, "sg-0c5d6e7f8a9b0c1d2")), finding.resources());
        assertEquals("vendor bastion until=2026-12-31", finding.context().get("reason"));
        assertEquals("Security group sg-0c5d6e7f8a9b0c1d2 created exempted from remediation by tag watchpost:exempt",
                finding.title());
    }

    @Test
    void ignores_aSecurityGroupCreatedWithOtherTags() {
        assertEquals(List.of(), detection.evaluate(Fixtures.event("network/CreateSecurityGroup.other-tags.json")));
    }

    @Test
    void readsThePascalCaseTagSpecification_andIgnoresOtherResourceTypes() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.parse("""
                {"eventName":"CreateSecurityGroup","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"GroupName":"lab","TagSpecification":{"ResourceType":"security-group",
                  "Tag":{"Key":"watchpost:exempt","Value":"lab"}}},
                 "responseElements":{"groupId":"sg-0123456789abcdef0"}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals("lab", detection.evaluate(event).getFirst().context().get("reason"));
        CloudTrailEvent other = CloudTrailEvent.parse("""
                {"eventName":"CreateSecurityGroup","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"groupName":"lab","tagSpecificationSet":{"items":[{"resourceType":"instance",
                  "tags":[{"key":"watchpost:exempt","value":"lab"}]}]}},
                 "responseElements":{"groupId":"sg-0123456789abcdef0"}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), detection.evaluate(other));
    }
}
