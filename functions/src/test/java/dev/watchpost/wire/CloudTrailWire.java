package dev.watchpost.wire;

import dev.watchpost.wire.WireServer.Reply;

/** CloudTrail's JSON 1.1 answers, as the service writes them (HTTP status, {@code __type} error body). */
public final class CloudTrailWire {
    private CloudTrailWire() {}

    public static Reply ok() {
        return Reply.json(200, "{}");
    }

    public static Reply error(int status, String type, String message) {
        return Reply.json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    public static Reply throttled() {
        return error(400, "ThrottlingException", "Rate exceeded");
    }
}
