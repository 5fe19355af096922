package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmNotificationTest {
    @Test
    void readsTheDocumentedCloudWatchNotification_withTheRegionCodeFromTheArn() {
        AlarmNotification alarm = AlarmNotification.from(AlarmSamples.documentedMessage()).orElseThrow();
        assertEquals("watchpost-network-alert-failures", alarm.alarmName());
        assertEquals("ALARM", alarm.newState());
        assertEquals("OK", alarm.oldState());
        assertEquals("123456789012", alarm.account());
        assertEquals("us-east-1", alarm.region());
        assertEquals("US East (N. Virginia)", alarm.regionName());
        assertEquals("Watchpost/AlertFailures", alarm.metric());
        assertTrue(alarm.reason().startsWith("Threshold Crossed"));
        assertTrue(alarm.firing());
        assertEquals(Instant.parse("2026-11-02T10:20:31.417Z"), alarm.stateChangeInstant().orElseThrow());
    }

    @Test
    void isNotAFindingDocument_norAnObjectMissingTheAlarmKeys() {
        assertTrue(AlarmNotification.from(FindingDocument.of(AlertSamples.sshApplied())).isEmpty());
        assertTrue(AlarmNotification.from(AlarmSamples.tree("{\"AlarmName\":\"x\",\"NewStateValue\":\"ALARM\"}"))
                .isEmpty());
        assertTrue(AlarmNotification.from(AlarmSamples.tree("[1]")).isEmpty());
    }

    @Test
    void leavesAnUnreadableTimeUnparsed() {
        String message = AlarmSamples.message("watchpost-audit-detection-errors", "ALARM", "OK", "d")
                .replace("2026-11-02T10:20:31.417+0000", "yesterday");
        AlarmNotification alarm = AlarmNotification.from(AlarmSamples.tree(message)).orElseThrow();
        assertTrue(alarm.stateChangeInstant().isEmpty());
        assertFalse(alarm.firing());
    }
}
