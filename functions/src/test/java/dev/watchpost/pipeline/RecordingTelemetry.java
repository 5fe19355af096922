package dev.watchpost.pipeline;

import dev.watchpost.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** Telemetry for tests: remembers everything it is told. */
public final class RecordingTelemetry implements Telemetry {
    public final List<String> malformed = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();
    public final List<String> ownEvents = new ArrayList<>();
    public final List<Alert> alerts = new ArrayList<>();
    public final List<String> alertFailures = new ArrayList<>();
    /** The calls not started for want of time: "call: reason". */
    public final List<String> outOfTime = new ArrayList<>();

    @Override
    public void malformed(String where, String reason) {
        malformed.add(where + ": " + reason);
    }

    @Override
    public void detectionFailed(String detectionId, String eventId, RuntimeException error) {
        problems.add(detectionId + " on " + eventId + ": " + error);
    }

    @Override
    public void ignoredOwnEvent(String eventId) {
        ownEvents.add(eventId);
    }

    @Override
    public void alerted(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void alertFailed(Alert alert, RuntimeException error) {
        alertFailures.add(alert.finding().dedupKey() + ": " + error.getMessage());
    }

    @Override
    public void outOfTime(String detectionId, String eventId, String call, String reason) {
        outOfTime.add(call + ": " + reason);
    }
}
