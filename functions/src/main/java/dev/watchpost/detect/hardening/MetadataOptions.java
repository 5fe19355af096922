package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.event.Json;
import java.util.Locale;

/**
 * An instance's metadata options as one record reads them, whichever casing it uses ({@code httpTokens} in responses
 * and RunInstances requests, {@code HttpTokens} in wrapped requests): the one place that decides whether options let
 * IMDSv1 through. Empty strings stand for options the record does not state. Immutable.
 *
 * @param httpTokens   {@code optional}, {@code required} or ""
 * @param httpEndpoint {@code enabled}, {@code disabled} or ""
 */
record MetadataOptions(String httpTokens, String httpEndpoint) {
    static MetadataOptions of(JsonNode options) {
        return new MetadataOptions(lower(Json.anyOf(options, "httpTokens", "HttpTokens")),
                lower(Json.anyOf(options, "httpEndpoint", "HttpEndpoint")));
    }

    /** Token-less metadata requests are answered: tokens optional and the endpoint not disabled. */
    boolean allowsImdsV1() {
        return httpTokens.equals("optional") && !httpEndpoint.equals("disabled");
    }

    /** IMDSv1 is certainly refused: tokens required, or no metadata endpoint at all. */
    boolean forbidsImdsV1() {
        return httpTokens.equals("required") || httpEndpoint.equals("disabled");
    }

    private static String lower(JsonNode node) {
        return Json.text(node).trim().toLowerCase(Locale.ROOT);
    }
}
