package dev.watchpost.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JSON form of {@link RuntimeSettings}, read strictly: an unknown key, a duplicate key, an unknown detection id, a
 * mode that is not {@code OFF}, {@code DRY_RUN} or {@code ENFORCE}, or an account that is not 12 digits is rejected
 * with a message naming it, so a typo never silently means "not set". For example:
 *
 * <pre>{@code
 * {
 *   "remediation": "on",
 *   "modes": {"access.serial-console-enabled": "ENFORCE"},
 *   "accounts": {
 *     "111111111111": {"mode": "ENFORCE"},
 *     "222222222222": {"mode": "DRY_RUN", "modes": {"audit.trail-logging-stopped": "ENFORCE"}},
 *     "333333333333": {"remediation": "off"}
 *   }
 * }
 * }</pre>
 *
 * Organizational units would be an {@code "ous"} object of the same scopes; it is refused with the reason until
 * Watchpost can map an account to its OU at run time. Written compactly with sorted keys, so equal settings have equal
 * text. Stateless and thread-safe.
 */
public final class RuntimeSettingsJson {
    /** What a Standard-tier SSM parameter holds. */
    public static final int MAX_LENGTH = 4096;
    /** Written by the stack as the parameter's first value: nothing set, the deploy-time modes apply. */
    public static final String INITIAL_VALUE = "{\"remediation\":\"on\"}";

    static final String REMEDIATION = "remediation";
    static final String MODES = "modes";
    static final String ACCOUNTS = "accounts";
    static final String MODE = "mode";
    static final String OUS = "ous";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private RuntimeSettingsJson() {}

    /** The detection ids a mode may name: those with a remediation. */
    public static Set<String> remediableDetections() {
        return Remediations.catalog().stream().map(RemediationInfo::detectionId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Parses and validates {@code text}; throws {@link InvalidRuntimeSettingsException} saying what is wrong. */
    public static RuntimeSettings parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRuntimeSettingsException("the settings are " + text.length() + " characters; a "
                    + "Standard SSM parameter holds at most " + MAX_LENGTH);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRuntimeSettingsException("the settings are not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRuntimeSettingsException("the settings must be a JSON object, e.g. " + INITIAL_VALUE);
        }
        Set<String> allowed = Set.of(REMEDIATION, MODES, ACCOUNTS);
        for (String key : (Iterable<String>) root::fieldNames) {
            if (key.equals(OUS)) {
                throw new InvalidRuntimeSettingsException("\"ous\" is not yet supported: mapping an account to its "
                        + "organizational unit needs AWS Organizations at run time; set the accounts instead");
            }
            if (!allowed.contains(key)) {
                throw new InvalidRuntimeSettingsException("unknown key \"" + key + "\" (expected remediation, modes, "
                        + "accounts)");
            }
        }
        boolean off = switchedOff(root.get(REMEDIATION), "remediation");
        Map<String, RemediationMode> modes = modes(root.get(MODES), "modes");
        Map<String, RuntimeSettings.Scope> accounts = new LinkedHashMap<>();
        JsonNode accountsNode = root.get(ACCOUNTS);
        if (accountsNode != null) {
            if (!accountsNode.isObject()) {
                throw new InvalidRuntimeSettingsException("\"accounts\" must be an object of 12-digit account ids");
            }
            for (Map.Entry<String, JsonNode> entry : accountsNode.properties()) {
                String account = entry.getKey();
                if (!MemberRoles.ACCOUNT_ID.matcher(account).matches()) {
                    throw new InvalidRuntimeSettingsException("accounts: \"" + account + "\" is not a 12-digit "
                            + "account id");
                }
                accounts.put(account, scope(entry.getValue(), "accounts." + account));
            }
        }
        return new RuntimeSettings(off, modes, accounts);
    }

    /** The compact JSON form, keys sorted, scopes with nothing set left out. */
    public static String write(RuntimeSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(REMEDIATION, settings.switchedOff() ? "off" : "on");
        if (!settings.modes().isEmpty()) {
            writeModes(root.putObject(MODES), settings.modes());
        }
        Map<String, RuntimeSettings.Scope> accounts = new TreeMap<>(settings.accounts());
        accounts.values().removeIf(RuntimeSettings.Scope::isEmpty);
        if (!accounts.isEmpty()) {
            ObjectNode node = root.putObject(ACCOUNTS);
            accounts.forEach((account, scope) -> {
                ObjectNode scopeNode = node.putObject(account);
                scope.mode().ifPresent(mode -> scopeNode.put(MODE, mode.name()));
                if (!scope.modes().isEmpty()) {
                    writeModes(scopeNode.putObject(MODES), scope.modes());
                }
                if (scope.switchedOff()) {
                    scopeNode.put(REMEDIATION, "off");
                }
            });
        }
        return root.toString();
    }

    /** The same, indented for people. */
    public static String writePretty(RuntimeSettings settings) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(write(settings)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read settings just written", e);
        }
    }

    private static void writeModes(ObjectNode node, Map<String, RemediationMode> modes) {
        new TreeMap<>(modes).forEach((id, mode) -> node.put(id, mode.name()));
    }

    private static RuntimeSettings.Scope scope(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidRuntimeSettingsException(where + " must be an object with remediation, mode or modes");
        }
        Set<String> allowed = Set.of(REMEDIATION, MODE, MODES);
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(key)) {
                throw new InvalidRuntimeSettingsException(where + ": unknown key \"" + key + "\" (expected "
                        + "remediation, mode, modes)");
            }
        }
        Optional<RemediationMode> mode = node.has(MODE) ? Optional.of(mode(node.get(MODE), where + ".mode"))
                : Optional.empty();
        return new RuntimeSettings.Scope(switchedOff(node.get(REMEDIATION), where + ".remediation"), mode,
                modes(node.get(MODES), where + ".modes"));
    }

    private static boolean switchedOff(JsonNode node, String where) {
        if (node == null) {
            return false;
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on" -> false;
            case "off" -> true;
            default -> throw new InvalidRuntimeSettingsException(where + ": \"" + shown(text)
                    + "\" is not on or off");
        };
    }

    private static Map<String, RemediationMode> modes(JsonNode node, String where) {
        Map<String, RemediationMode> modes = new LinkedHashMap<>();
        if (node == null) {
            return modes;
        }
        if (!node.isObject()) {
            throw new InvalidRuntimeSettingsException(where + " must be an object of detection id to mode");
        }
        Set<String> known = remediableDetections();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String id = entry.getKey();
            if (!known.contains(id)) {
                throw new InvalidRuntimeSettingsException(where + ": \"" + shown(id) + "\" is not a detection with a "
                        + "remediation; known: " + String.join(", ", known));
            }
            modes.put(id, mode(entry.getValue(), where + "." + id));
        }
        return modes;
    }

    private static RemediationMode mode(JsonNode node, String where) {
        String text = node.isTextual() ? node.asText() : node.toString();
        return RemediationMode.parse(node.isTextual() ? text : null).orElseThrow(() ->
                new InvalidRuntimeSettingsException(where + ": \"" + shown(text) + "\" is not a mode (expected "
                        + "OFF, DRY_RUN or ENFORCE)"));
    }

    private static String shown(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
