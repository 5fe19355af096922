package dev.watchpost.cli;

import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edits {@code watchpost settings set} makes (the words {@link SettingsCommand#USAGE} lists), read from its words
 * and applied to the current settings in one scope: every account, the one {@code account=ID} names, or the OU (or
 * root) {@code ou=ID} names. Pure and immutable.
 *
 * @param account the account the edits apply to, if one is named
 * @param ou      the OU or root the edits apply to, if one is named (never with an account)
 * @param words   the edits, in order
 * @param reason  the reason of the exemptions set, if any
 */
record SettingsEdit(Optional<String> account, Optional<String> ou, List<String> words, Optional<String> reason) {
    static final String ACCOUNT = "account=";
    static final String OU = "ou=";
    static final String REASON = "reason=";
    static final String EXEMPT = "exempt:";
    static final String ALL = "all";
    static final String DEFAULT = "default";
    private static final String EDITS = "DETECTION=MODE, all=MODE, exempt:DETECTION=YYYY-MM-DD, off or on";

    /** Reads the words after {@code set}; throws naming the first one that is not an edit. */
    static SettingsEdit parse(List<String> args) {
        Optional<String> account = Optional.empty();
        Optional<String> ou = Optional.empty();
        Optional<String> reason = Optional.empty();
        List<String> edits = new ArrayList<>();
        for (String word : args) {
            if (word.startsWith(ACCOUNT)) {
                String id = word.substring(ACCOUNT.length());
                if (!MemberRoles.ACCOUNT_ID.matcher(id).matches()) {
                    throw new UsageException("\"" + word + "\": the account must be a 12-digit account id");
                }
                account = once(word, account, id);
            } else if (word.startsWith(OU)) {
                String id = word.substring(OU.length());
                if (!RuntimeSettingsJson.OU_ID.matcher(id).matches() && !RuntimeSettingsJson.ROOT_ID.matcher(id)
                        .matches()) {
                    throw new UsageException("\"" + word + "\": the OU must be an OU id (ou-…) or a root id (r-…)");
                }
                ou = once(word, ou, id);
            } else if (word.startsWith(REASON)) {
                reason = Optional.of(word.substring(REASON.length()).strip()).filter(text -> !text.isEmpty());
            } else {
                edits.add(word);
            }
        }
        if (account.isPresent() && ou.isPresent()) {
            throw new UsageException("give account= or ou=, not both (one scope per command)");
        }
        boolean scoped = account.isPresent() || ou.isPresent();
        if (edits.isEmpty()) {
            throw new UsageException("nothing to set (expected " + EDITS + ")");
        }
        Set<String> known = RuntimeSettingsJson.remediableDetections();
        for (String word : edits) {
            if (word.equals("off") || word.equals("on")) {
                continue;
            }
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new UsageException("\"" + word + "\" is not an edit (expected " + EDITS + ")");
            }
            boolean exempt = word.startsWith(EXEMPT);
            String id = word.substring(exempt ? EXEMPT.length() : 0, equals);
            String value = word.substring(equals + 1);
            if ((id.equals(ALL) || exempt) && !scoped) {
                throw new UsageException("\"" + word + "\": " + (exempt ? "an exemption" : "all=MODE")
                        + " applies in one account or OU; add account=ID or ou=ID (for every account, set each "
                        + "detection, or use off)");
            }
            if ((exempt || !id.equals(ALL)) && !known.contains(id)) {
                throw new UsageException("\"" + word + "\": " + id + " is not a detection with a remediation; known: "
                        + String.join(", ", known));
            }
            if (exempt) {
                checkExemption(word, value, reason);
            } else if (!value.equalsIgnoreCase(DEFAULT) && RemediationMode.parse(value).isEmpty()) {
                throw new UsageException("\"" + word + "\": " + value + " is not a mode (expected OFF, DRY_RUN, "
                        + "ENFORCE or default)");
            }
        }
        return new SettingsEdit(account, ou, List.copyOf(edits), reason);
    }

    private static Optional<String> once(String word, Optional<String> given, String id) {
        if (given.isPresent()) {
            throw new UsageException("\"" + word + "\": give it once (one scope per command)");
        }
        return Optional.of(id);
    }

    private static void checkExemption(String word, String value, Optional<String> reason) {
        if (value.equalsIgnoreCase(DEFAULT)) {
            return;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("\"" + word + "\": " + value + " is not a date (expected YYYY-MM-DD, the last "
                    + "day the exemption holds, or default to remove it)");
        }
        if (reason.isEmpty()) {
            throw new UsageException("\"" + word + "\": an exemption needs reason=TEXT, which the alerts show");
        }
    }

    /** The settings after these edits. */
    RuntimeSettings applyTo(RuntimeSettings current) {
        Optional<String> scopeId = account.or(() -> ou);
        Map<String, RuntimeSettings.Scope> scopes = new HashMap<>(account.isPresent() ? current.accounts()
                : current.ous());
        RuntimeSettings.Scope scope = scopeId.map(id -> scopes.getOrDefault(id, RuntimeSettings.Scope.NONE))
                .orElse(RuntimeSettings.Scope.NONE);
        boolean off = scopeId.isEmpty() ? current.switchedOff() : scope.switchedOff();
        Optional<RemediationMode> scopeMode = scope.mode();
        Map<String, RemediationMode> modes = new HashMap<>(scopeId.isEmpty() ? current.modes() : scope.modes());
        Map<String, RuntimeSettings.Exempt> exempt = new HashMap<>(scope.exempt());
        for (String word : words) {
            if (word.equals("off") || word.equals("on")) {
                off = word.equals("off");
                continue;
            }
            int equals = word.indexOf('=');
            String value = word.substring(equals + 1);
            if (word.startsWith(EXEMPT)) {
                String id = word.substring(EXEMPT.length(), equals);
                if (value.equalsIgnoreCase(DEFAULT)) {
                    exempt.remove(id);
                } else {
                    exempt.put(id, new RuntimeSettings.Exempt(LocalDate.parse(value), reason.orElseThrow()));
                }
                continue;
            }
            String id = word.substring(0, equals);
            Optional<RemediationMode> mode = value.equalsIgnoreCase(DEFAULT) ? Optional.empty()
                    : RemediationMode.parse(value);
            if (id.equals(ALL)) {
                scopeMode = mode;
            } else if (mode.isPresent()) {
                modes.put(id, mode.get());
            } else {
                modes.remove(id);
            }
        }
        if (scopeId.isEmpty()) {
            return new RuntimeSettings(off, modes, current.accounts(), current.ous());
        }
        RuntimeSettings.Scope edited = new RuntimeSettings.Scope(off, scopeMode, modes, exempt);
        if (edited.equals(RuntimeSettings.Scope.NONE)) {
            scopes.remove(scopeId.get());
        } else {
            scopes.put(scopeId.get(), edited);
        }
        return account.isPresent()
                ? new RuntimeSettings(current.switchedOff(), current.modes(), scopes, current.ous())
                : new RuntimeSettings(current.switchedOff(), current.modes(), current.accounts(), scopes);
    }
}
