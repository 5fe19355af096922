package dev.watchpost.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads EC2 requests and responses that CloudTrail records in either of two shapes: the newer APIs wrapped in
 * PascalCase ({@code {"CreateLaunchTemplateRequest":{"LaunchTemplateData":…}}}) and the older flat camelCase form
 * ({@code {"subnetId":…}}). Where no public sample shows which one an API uses, reading both is the safe choice.
 * Stateless and thread-safe.
 */
public final class Ec2Request {
    private Ec2Request() {}

    /** The node inside {@code wrapper} (PascalCase or camelCase), or {@code node} itself when it is not wrapped. */
    public static JsonNode body(JsonNode node, String wrapper) {
        JsonNode inner = Json.anyOf(node, wrapper, camel(wrapper));
        return inner.isMissingNode() ? Json.path(node) : inner;
    }

    /** A field given by its PascalCase name, read in PascalCase or camelCase. */
    public static JsonNode field(JsonNode node, String pascalName) {
        return Json.anyOf(node, pascalName, camel(pascalName));
    }

    /** A scalar field given by its PascalCase name, as text ("" when missing). */
    public static String text(JsonNode node, String pascalName) {
        return Json.text(field(node, pascalName));
    }

    private static String camel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
