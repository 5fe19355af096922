package dev.watchpost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every string value in a JSON tree, in document order: what a reader of a rendered alert may see, and more. */
public final class JsonStrings {
    private JsonStrings() {}

    public static List<String> of(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(child -> collect(child, out));
    }
}
