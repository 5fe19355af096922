package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import org.junit.jupiter.api.Test;

class WatchpostResourcesTest {
    private final WatchpostResources own = new WatchpostResources(Fixtures.parameters());

    @Test
    void namesNeedThePrefixAHyphenAndMore() {
        assertTrue(own.isNamed("watchpost-audit"));
        assertFalse(own.isNamed("watchpost-"));
        assertFalse(own.isNamed("watchpost"));
        assertFalse(own.isNamed("watchposts-audit"));
    }

    @Test
    void theAlertKeyIsRecognisedByArnIdAndAlias_butNotByAnotherKeyOrAlias() {
        assertTrue(own.isAlertKey(Fixtures.ALERT_KEY_ARN));
        assertTrue(own.isAlertKey("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
        assertTrue(own.isAlertKey("alias/watchpost-alerts"));
        assertTrue(own.isAlertKey("arn:aws:kms:us-east-1:123456789012:alias/watchpost-alerts"));
        assertFalse(own.isAlertKey("arn:aws:kms:us-east-1:123456789012:key/7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918"));
        assertFalse(own.isAlertKey("alias/payments"));
        assertFalse(own.isAlertKey(""));
    }

    @Test
    void noKeyIsTheAlertKeyById_whenItsArnIsUnknown() {
        WatchpostResources unconfigured = new WatchpostResources(DetectionParameters.defaults());
        assertFalse(unconfigured.isAlertKey("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
        assertFalse(unconfigured.isAlertKey("arn:aws:kms:us-east-1:123456789012:key/"));
    }

    @Test
    void queuesAreRecognisedByUrlOrArn() {
        assertTrue(own.isQueue("https://sqs.us-east-1.amazonaws.com/123456789012/watchpost-audit-dead-letters"));
        assertTrue(own.isQueue("arn:aws:sqs:us-east-1:123456789012:watchpost-audit-dead-letters"));
        assertFalse(own.isQueue("https://sqs.us-east-1.amazonaws.com/123456789012/orders"));
    }

    @Test
    void theCentralBusIsExactlyThePrefix() {
        assertTrue(own.isCentralBus("watchpost"));
        assertTrue(own.isCentralBus("arn:aws:events:us-east-1:123456789012:event-bus/watchpost"));
        assertFalse(own.isCentralBus("watchpost-other"));
        assertFalse(own.isCentralBus(""));
    }

    @Test
    void theSettingsParameterIsRecognisedByNameOrArn() {
        assertTrue(own.isSettingsParameter("/watchpost/settings"));
        assertTrue(own.isSettingsParameter("arn:aws:ssm:us-east-1:123456789012:parameter/watchpost/settings"));
        assertFalse(own.isSettingsParameter("/watchpost/settings-old"));
    }

    @Test
    void stackSetsAreRecognisedByNameOrId() {
        assertTrue(own.isStackSet("watchpost-member-roles"));
        assertTrue(own.isStackSet("watchpost-forwarder:4c2a9e1b-7d3f-4a5e-9b8c-1d2e3f4a5b6c"));
        assertFalse(own.isStackSet("watchpost-other"));
    }
}
