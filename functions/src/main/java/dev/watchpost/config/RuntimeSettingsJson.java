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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON form of {@link RuntimeSettings}, read strictly: an unknown key, a duplicate key, an unknown detection id, a
 * mode that is not {@code OFF}, {@code DRY_RUN} or {@code ENFORCE}, an account that is not 12 digits, an OU id that is
 * neither {@code ou-…} nor a root {@code r-…}, or an exemption without its day or reason is rejected with a message
 * naming it, so a typo never silently means "not set". For example:
 *
 * <pre>{@code
 * {
 *   "remediation": "on",
 *   "modes": {"access.serial-console-enabled": "ENFORCE"},
 *   "accounts": {
 *     "111111111111": {"mode": "ENFORCE"},
 *     "222222222222": {"mode": "DRY_RUN", "modes": {"audit.trail-logging-stopped": "ENFORCE"}},
 *     "333333333333": {"remediation": "off"}
 *   },
 *   "ous": {
 *     "ou-ab12-prod0001": {"mode": "ENFORCE",
 *       "exempt": {"network.sg-admin-port-open": {"until": "2030-01-31", "reason": "CHG-42 load test"}}},
 *     "ou-ab12-sbox0001": {"mode": "DRY_RUN"}
 *   }
 * }
 * }</pre>
 *
 * Written compactly with sorted keys, so equal settings have equal text. Stateless and thread-safe.
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
    static final String EXEMPT = "exempt";
    static final String UNTIL = "until";
    static final String REASON = "reason";
    /** An organizational unit's id, as AWS Organizations documents it. */
    public static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    /** An organization root's id. */
    public static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    /** The longest exemption reason: enough for a ticket and a sentence, short enough for an alert. */
    static final int MAX_REASON = 200;

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
        Set<String> allowed = Set.of(REMEDIATION, MODES, ACCOUNTS, OUS);
        for (String key : (Iterable<String>) root::fieldNames) {
            if (!allowed.contains(key)) {
                throw new InvalidRuntimeSettingsException("unknown key \"" + shown(key) + "\" (expected remediation, "
                        + "modes, accounts, ous)");
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
        Map<String, RuntimeSettings.Scope> ous = new LinkedHashMap<>();
        JsonNode ousNode = root.get(OUS);
        if (ousNode != null) {
            if (!ousNode.isObject()) {
                throw new InvalidRuntimeSettingsException("\"ous\" must be an object of OU ids (ou-…) or root ids "
                        + "(r-…)");
            }
            for (Map.Entry<String, JsonNode> entry : ousNode.properties()) {
                String ou = entry.getKey();
                if (!OU_ID.matcher(ou).matches() && !ROOT_ID.matcher(ou).matches()) {
                    throw new InvalidRuntimeSettingsException("ous: \"" + shown(ou) + "\" is not an OU id (ou- then "
                            + "4-32 lower-case letters or digits, a dash, 8-32 more) or a root id (r- then 4-32)");
                }
                ous.put(ou, scope(entry.getValue(), "ous." + ou));
            }
        }
        return new RuntimeSettings(off, modes, accounts, ous);
    }

    /** The compact JSON form, keys sorted, scopes with nothing set left out. */
    public static String write(RuntimeSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(REMEDIATION, settings.switchedOff() ? "off" : "on");
        if (!settings.modes().isEmpty()) {
            writeModes(root.putObject(MODES), settings.modes());
        }
        writeScopes(root, ACCOUNTS, settings.accounts());
        writeScopes(root, OUS, settings.ous());
        return root.toString();
    }

    private static void writeScopes(ObjectNode root, String key, Map<String, RuntimeSettings.Scope> scopes) {
        Map<String, RuntimeSettings.Scope> sorted = new TreeMap<>(scopes);
        sorted.values().removeIf(RuntimeSettings.Scope::isEmpty);
        if (sorted.isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject(key);
        sorted.forEach((id, scope) -> {
            ObjectNode scopeNode = node.putObject(id);
            if (!scope.exempt().isEmpty()) {
                ObjectNode exempt = scopeNode.putObject(EXEMPT);
                new TreeMap<>(scope.exempt()).forEach((detection, until) -> exempt.putObject(detection)
                        .put(REASON, until.reason()).put(UNTIL, until.until().toString()));
            }
            scope.mode().ifPresent(mode -> scopeNode.put(MODE, mode.name()));
            if (!scope.modes().isEmpty()) {
                writeModes(scopeNode.putObject(MODES), scope.modes());
            }
            if (scope.switchedOff()) {
                scopeNode.put(REMEDIATION, "off");
            }
        });
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
            throw new InvalidRuntimeSettingsException(where + " must be an object with remediation, mode, modes or "
                    + "exempt");
        }
        Set<String> allowed = Set.of(REMEDIATION, MODE, MODES, EXEMPT);
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(key)) {
                throw new InvalidRuntimeSettingsException(where + ": unknown key \"" + shown(key) + "\" (expected "
                        + "remediation, mode, modes, exempt)");
            }
        }
        Optional<RemediationMode> mode = node.has(MODE) ? Optional.of(mode(node.get(MODE), where + ".mode"))
                : Optional.empty();
        return new RuntimeSettings.Scope(switchedOff(node.get(REMEDIATION), where + ".remediation"), mode,
                modes(node.get(MODES), where + ".modes"), exemptions(node.get(EXEMPT), where + ".exempt"));
    }

    private static Map<String, RuntimeSettings.Exempt> exemptions(JsonNode node, String where) {
        Map<String, RuntimeSettings.Exempt> exempt = new LinkedHashMap<>();
        if (node == null) {
            return exempt;
        }
        if (!node.isObject()) {
            throw new InvalidRuntimeSettingsException(where + " must be an object of detection id to "
                    + "{\"until\": \"YYYY-MM-DD\", \"reason\": \"…\"}");
        }
        Set<String> known = remediableDetections();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String id = entry.getKey();
            String at = where + "." + id;
            if (!known.contains(id)) {
                throw new InvalidRuntimeSettingsException(where + ": \"" + shown(id) + "\" is not a detection with a "
                        + "remediation; known: " + String.join(", ", known));
            }
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                throw new InvalidRuntimeSettingsException(at + " must be {\"until\": \"YYYY-MM-DD\", \"reason\": "
                        + "\"…\"}");
            }
            for (String key : (Iterable<String>) value::fieldNames) {
                if (!key.equals(UNTIL) && !key.equals(REASON)) {
                    throw new InvalidRuntimeSettingsException(at + ": unknown key \"" + shown(key) + "\" (expected "
                            + "until, reason)");
                }
            }
            exempt.put(id, new RuntimeSettings.Exempt(until(value.get(UNTIL), at + ".until"),
                    reason(value.get(REASON), at + ".reason")));
        }
        return exempt;
    }

    private static LocalDate until(JsonNode node, String where) {
        if (node == null) {
            throw new InvalidRuntimeSettingsException(where + " is required: the last day the exemption holds "
                    + "(YYYY-MM-DD), so none is forgotten");
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        InvalidRuntimeSettingsException notADate = new InvalidRuntimeSettingsException(where + ": \"" + shown(text)
                + "\" is not a date (expected YYYY-MM-DD)");
        if (!node.isTextual()) {
            throw notADate;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw notADate;
        }
    }

    private static String reason(JsonNode node, String where) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InvalidRuntimeSettingsException(where + " is required: a non-empty text the alerts show");
        }
        String text = node.asText().strip();
        if (text.length() > MAX_REASON) {
            throw new InvalidRuntimeSettingsException(where + " is " + text.length() + " characters; at most "
                    + MAX_REASON);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRuntimeSettingsException(where + " contains a control character");
        }
        return text;
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
