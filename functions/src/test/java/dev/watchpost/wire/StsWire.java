package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.time.Instant;
import java.util.Map;

/**
 * STS's query-protocol answers, as the service writes them (HTTP status, XML body); successes come from {@link
 * CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class StsWire {
    private static final String NS = "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"";

    private StsWire() {}

    /** A session in {@code account} whose credentials expire at {@code expiration}; {@code key} tells sessions apart. */
    public static Reply assumed(String account, String key, Instant expiration) {
        return Reply.xml(200, CannedAnswers.body("sts", "AssumeRole", Map.of("account", account, "key", key,
                "expiration", expiration.toString())));
    }

    public static Reply error(int status, String code, String message) {
        return Reply.xml(status, "<ErrorResponse " + NS + "><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c8"
                + "</RequestId></ErrorResponse>");
    }

    /** What STS answers when the role does not exist or does not trust the caller. */
    public static Reply accessDenied(String roleArn) {
        return error(403, "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/watchpost-network-us-east-1/x "
                + "is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }
}
