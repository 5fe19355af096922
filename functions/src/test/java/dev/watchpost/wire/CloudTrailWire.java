package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.util.Map;

/**
 * CloudTrail's JSON 1.1 answers, as the service writes them (HTTP status, {@code __type} error body); successes come
 * from {@link CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class CloudTrailWire {
    private CloudTrailWire() {}

    public static Reply ok() {
        return Reply.json(200, CannedAnswers.body("cloudtrail", "StartLogging", Map.of()));
    }

    public static Reply error(int status, String type, String message) {
        return Reply.json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    public static Reply throttled() {
        return error(400, "ThrottlingException", "Rate exceeded");
    }
}
