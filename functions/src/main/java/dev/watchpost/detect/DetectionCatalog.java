package dev.watchpost.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every detection's metadata, read once from the resource {@value #RESOURCE}: title, severity, event sources and
 * names, read-only names, triage, ASFF types and ATT&amp;CK techniques, keyed by detection id (the family is the id's
 * prefix). They are data, not behaviour, so they live in one file that docs, infra and Security Hub all read, and a
 * detection class holds only its logic. A wrong or missing field fails the first use with an error naming the id and
 * the field. Immutable and thread-safe.
 */
public final class DetectionCatalog {
    /** Where the shipped catalog lives on the class path. */
    public static final String RESOURCE = "/dev/watchpost/detect/catalog.json";
    private static final String NAME = "detect/catalog.json";
    private static final Set<String> FIELDS = Set.of("title", "severity", "eventSources", "eventNames",
            "readOnlyEventNames", "triage", "asffTypes", "techniques");

    private final Map<String, DetectionInfo> byId;

    private DetectionCatalog(Map<String, DetectionInfo> byId) {
        this.byId = byId;
    }

    /** Loaded on first use; a catalog that fails to load is not kept, so every use reports the same error. */
    private static volatile DetectionCatalog shipped;

    /** The catalog Watchpost ships. */
    public static DetectionCatalog shipped() {
        DetectionCatalog catalog = shipped;
        if (catalog == null) {
            synchronized (DetectionCatalog.class) {
                catalog = shipped;
                if (catalog == null) {
                    catalog = load();
                    shipped = catalog;
                }
            }
        }
        return catalog;
    }

    private static DetectionCatalog load() {
        try (InputStream in = DetectionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(NAME + " is missing from the class path (" + RESOURCE + ")");
            }
            return parse(new ObjectMapper().readTree(in), NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(NAME + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The shipped metadata of detection {@code id}; throws naming the id when the catalog has no entry for it. */
    public static DetectionInfo info(String id) {
        return shipped().find(id).orElseThrow(() -> new IllegalStateException(NAME + " has no entry for detection "
                + id));
    }

    public Optional<DetectionInfo> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every id the catalog describes, in file order. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** Reads a catalog document; {@code name} is how errors name it. */
    static DetectionCatalog parse(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(name + ": expected an object keyed by detection id");
        }
        Map<String, DetectionInfo> byId = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            byId.put(entry.getKey(), entry(name, entry.getKey(), entry.getValue()));
        }
        return new DetectionCatalog(Map.copyOf(byId));
    }

    private static DetectionInfo entry(String name, String id, JsonNode node) {
        String where = name + ": detection " + id;
        if (!node.isObject()) {
            throw new IllegalStateException(where + ": expected an object");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(where + ": unknown field \"" + field + "\"");
            }
        });
        Family family = family(where, id);
        String severityName = text(where, node, "severity");
        Severity severity = Severity.parse(severityName).filter(s -> s.name().equals(severityName))
                .orElseThrow(() -> new IllegalStateException(where + ": field \"severity\": \"" + severityName
                        + "\" is not one of " + List.of(Severity.values())));
        try {
            return new DetectionInfo(id, family, text(where, node, "title"), severity,
                    new LinkedHashSet<>(strings(where, node, "eventSources", true)),
                    new LinkedHashSet<>(strings(where, node, "eventNames", true)),
                    strings(where, node, "triage", true),
                    new LinkedHashSet<>(strings(where, node, "readOnlyEventNames", false)),
                    strings(where, node, "asffTypes", true),
                    strings(where, node, "techniques", true));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private static Family family(String where, String id) {
        String prefix = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        for (Family family : Family.values()) {
            if (family.id().equals(prefix)) {
                return family;
            }
        }
        throw new IllegalStateException(where + ": the id does not start with a family (" + List.of(Family.values())
                + ") and a dot");
    }

    private static String text(String where, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(where + ": field \"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static List<String> strings(String where, JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() && !required) {
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            throw new IllegalStateException(where + ": field \"" + field + "\" must be a non-empty array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalStateException(where + ": field \"" + field + "\" holds " + item
                        + ", not a non-empty string");
            }
            out.add(item.asText());
        }
        return out;
    }
}
