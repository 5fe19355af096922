package dev.watchpost.wire;

import dev.watchpost.wire.WireServer.Reply;

/** SNS's query-protocol answers, as the service writes them (HTTP status, XML body). */
public final class SnsWire {
    private static final String NS = "xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"";

    private SnsWire() {}

    public static Reply published() {
        return Reply.xml(200, "<PublishResponse " + NS + "><PublishResult><MessageId>"
                + "94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult><ResponseMetadata><RequestId>"
                + "f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>");
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
