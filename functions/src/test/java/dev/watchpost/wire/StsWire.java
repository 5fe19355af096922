package dev.watchpost.wire;

import dev.watchpost.wire.WireServer.Reply;
import java.time.Instant;

/** STS's query-protocol answers, as the service writes them (HTTP status, XML body). */
public final class StsWire {
    private static final String NS = "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"";

    private StsWire() {}

    /** A session in {@code account} whose credentials expire at {@code expiration}; {@code key} tells sessions apart. */
    public static Reply assumed(String account, String key, Instant expiration) {
        return Reply.xml(200, "<AssumeRoleResponse " + NS + "><AssumeRoleResult><Credentials><AccessKeyId>" + key
                + "</AccessKeyId><SecretAccessKey>wire-session-secret</SecretAccessKey><SessionToken>wire-session-token"
                + "</SessionToken><Expiration>" + expiration + "</Expiration></Credentials><AssumedRoleUser>"
                + "<AssumedRoleId>AROAWIRETEST:watchpost-network-remediate</AssumedRoleId><Arn>arn:aws:sts::" + account
                + ":assumed-role/watchpost-member-network/watchpost-network-remediate</Arn></AssumedRoleUser>"
                + "</AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>");
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
