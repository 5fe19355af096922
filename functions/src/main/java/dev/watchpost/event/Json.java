package dev.watchpost.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Null-safe reads over Jackson trees, because CloudTrail is loose about types: lists may be {@code {}} or absent,
 * numbers may be strings, objects may be {@code null}. Every method returns empty rather than throwing.
 * Stateless and thread-safe.
 */
public final class Json {
    private Json() {}

    /** Follows field names (case-sensitive); any missing, null or non-object step gives a missing node. */
    public static JsonNode path(JsonNode node, String... fields) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String field : fields) {
            if (!current.isObject()) {
                return MissingNode.getInstance();
            }
            current = current.path(field);
        }
        return current.isNull() ? MissingNode.getInstance() : current;
    }

    /** The first of the given field names present on the node, for shapes seen in both camelCase and PascalCase. */
    public static JsonNode anyOf(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = path(node, field);
            if (!value.isMissingNode()) {
                return value;
            }
        }
        return MissingNode.getInstance();
    }

    /** The field's text in the first of {@code nodes} where it is not empty ("" when none). */
    public static String firstText(String field, JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String text = text(node, field);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** A scalar as text ("" for missing, null, objects and arrays). Numbers and booleans are rendered. */
    public static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return "";
        }
        return node.asText();
    }

    public static String text(JsonNode node, String... fields) {
        return text(path(node, fields));
    }

    public static Optional<String> optionalText(JsonNode node, String... fields) {
        String value = text(path(node, fields));
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** An integer from a number or a numeric string ("22"); empty for anything else. */
    public static OptionalInt integer(JsonNode node) {
        if (node == null) {
            return OptionalInt.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return OptionalInt.of(node.intValue());
        }
        if (node.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** A boolean from JSON true/false or the strings "true"/"false" (any case); empty otherwise. */
    public static Optional<Boolean> bool(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual()) {
            String value = node.textValue().trim();
            if (value.equalsIgnoreCase("true")) {
                return Optional.of(true);
            }
            if (value.equalsIgnoreCase("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /**
     * The elements of a CloudTrail list, whichever way it was serialized: {@code {"items":[…]}}, a bare array, or a
     * single object standing for a one-element list. {@code {}}, null and scalars give an empty list.
     */
    public static List<JsonNode> items(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> out = new ArrayList<>(node.size());
            node.forEach(element -> {
                if (element.isObject()) {
                    out.add(element);
                }
            });
            return out;
        }
        if (node.isObject()) {
            JsonNode items = node.get("items");
            if (items != null) {
                return items(items);
            }
            JsonNode upper = node.get("Items");
            if (upper != null) {
                return items(upper);
            }
            return node.isEmpty() ? List.of() : List.of(node);
        }
        return List.of();
    }

    /**
     * The string values of a node EC2 may serialise as a scalar, an array, {@code {"content": …}},
     * {@code {"item": …}} or {@code {"items": […]}}; nested as deep as those wrappers go. Empty strings are dropped.
     */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectStrings(node, out, 0);
        return out;
    }

    private static void collectStrings(JsonNode node, List<String> out, int depth) {
        if (node == null || node.isMissingNode() || node.isNull() || depth > 8) {
            return;
        }
        if (node.isValueNode()) {
            String value = node.asText();
            if (!value.isEmpty()) {
                out.add(value);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectStrings(element, out, depth + 1));
        } else {
            for (String wrapper : new String[] {"content", "item", "items", "Item", "Items"}) {
                if (node.has(wrapper)) {
                    collectStrings(node.get(wrapper), out, depth + 1);
                }
            }
        }
    }
}
