package dev.watchpost.wire;

import dev.watchpost.handler.CannedAnswers;
import dev.watchpost.wire.WireServer.Reply;
import java.util.Map;

/**
 * Security Hub's REST-JSON answers, as the service writes them (HTTP status, JSON body, error type header); successes
 * come from {@link CannedAnswers}, the ones SnapStart priming and the cold-start benchmark answer with.
 */
public final class SecurityHubWire {
    /** How {@link WireServer} names a {@code BatchImportFindings} call (REST: method and path). */
    public static final String BATCH_IMPORT_FINDINGS = "POST /findings/import";

    private SecurityHubWire() {}

    /** Every finding of the batch imported. */
    public static Reply imported(int count) {
        return Reply.restJson(200, CannedAnswers.body("securityhub", "BatchImportFindings",
                Map.of("successCount", String.valueOf(count))));
    }

    public static Reply error(int status, String type, String message) {
        return Reply.restJson(status, "{\"Message\":\"" + message + "\"}").withHeader("x-amzn-ErrorType", type);
    }
}
