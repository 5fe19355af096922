package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.util.Map;

/**
 * SNS's query-protocol answers, as the service writes them (HTTP status, XML body); successes come from {@link
 * CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class SnsWire {
    private static final String NS = "xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"";

    private SnsWire() {}

    public static Reply published() {
        return Reply.xml(200, CannedAnswers.body("sns", "Publish", Map.of()));
    }

    public static Reply error(int status, String type, String code, String message) {
        return Reply.xml(status, "<ErrorResponse " + NS + "><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + "f187a3c1-376f-11df-8963-01868b7c937b</RequestId></ErrorResponse>");
    }

    public static Reply throttled() {
        return error(400, "Sender", "Throttling", "Rate exceeded");
    }

    /** What Publish answers while the topic's KMS key is disabled. */
    public static Reply keyDisabled() {
        return error(400, "Sender", "KMSDisabled", "Invalid parameter: The request was rejected because the "
                + "specified customer master key (CMK) is not enabled.");
    }

    public static Reply internalError() {
        return error(500, "Receiver", "InternalError", "An internal service error has occurred.");
    }
}
