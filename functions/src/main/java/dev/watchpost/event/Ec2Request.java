package dev.watchpost.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
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

    /** The event's request, inside the {@code <eventName>Request} wrapper when it has one. */
    public static JsonNode request(CloudTrailEvent event) {
        return body(event.requestParameters(), event.eventName() + "Request");
    }

    /** The event's response, inside the {@code <eventName>Response} wrapper when it has one. */
    public static JsonNode response(CloudTrailEvent event) {
        return body(event.responseElements(), event.eventName() + "Response");
    }

    /** A field given by its PascalCase name, read in PascalCase or camelCase. */
    public static JsonNode field(JsonNode node, String pascalName) {
        return Json.anyOf(node, pascalName, camel(pascalName));
    }

    /** A scalar field given by its PascalCase name, as text ("" when missing). */
    public static String text(JsonNode node, String pascalName) {
        return Json.text(field(node, pascalName));
    }

    /** A scalar field's text in the first of {@code nodes} where it is not empty ("" when none). */
    public static String firstText(String pascalName, JsonNode... nodes) {
        return Arrays.stream(nodes).map(node -> text(node, pascalName)).filter(text -> !text.isEmpty()).findFirst()
                .orElse("");
    }

    private static String camel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
