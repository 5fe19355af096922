package dev.watchpost.cli;

import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edits {@code watchpost settings set} makes, read from its words and applied to the current settings, in one
 * scope: every account, or the one {@code account=ID} names. Words: {@code DETECTION=MODE} (MODE {@code OFF},
 * {@code DRY_RUN}, {@code ENFORCE}, or {@code default} to remove it), {@code all=MODE} (every detection of the
 * account; needs {@code account=}), {@code off} and {@code on} (the kill switch). Pure and immutable.
 *
 * @param account the account the edits apply to, empty for every account
 * @param words   the edits, in order
 */
record SettingsEdit(Optional<String> account, List<String> words) {
    static final String ACCOUNT = "account=";
    static final String ALL = "all";
    static final String DEFAULT = "default";

    /** Reads the words after {@code set}; throws naming the first one that is not an edit. */
    static SettingsEdit parse(List<String> args) throws UsageException {
        Optional<String> account = Optional.empty();
        List<String> edits = new ArrayList<>();
        for (String word : args) {
            if (word.startsWith(ACCOUNT)) {
                String id = word.substring(ACCOUNT.length());
                if (!MemberRoles.ACCOUNT_ID.matcher(id).matches()) {
                    throw new UsageException("\"" + word + "\": the account must be a 12-digit account id");
                }
                if (account.isPresent()) {
                    throw new UsageException("\"" + word + "\": give account= once (one scope per command)");
                }
                account = Optional.of(id);
            } else {
                edits.add(word);
            }
        }
        if (edits.isEmpty()) {
            throw new UsageException("nothing to set (expected DETECTION=MODE, all=MODE account=ID, off or on)");
        }
        Set<String> known = RuntimeSettingsJson.remediableDetections();
        for (String word : edits) {
            if (word.equals("off") || word.equals("on")) {
                continue;
            }
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new UsageException("\"" + word + "\" is not an edit (expected DETECTION=MODE, all=MODE, off "
                        + "or on)");
            }
            String id = word.substring(0, equals);
            String mode = word.substring(equals + 1);
            if (id.equals(ALL) && account.isEmpty()) {
                throw new UsageException("\"" + word + "\": all=MODE sets every detection of one account; add "
                        + "account=ID (for every account, set each detection, or use off)");
            }
            if (!id.equals(ALL) && !known.contains(id)) {
                throw new UsageException("\"" + word + "\": " + id + " is not a detection with a remediation; known: "
                        + String.join(", ", known));
            }
            if (!mode.equalsIgnoreCase(DEFAULT) && RemediationMode.parse(mode).isEmpty()) {
                throw new UsageException("\"" + word + "\": " + mode + " is not a mode (expected OFF, DRY_RUN, "
                        + "ENFORCE or default)");
            }
        }
        return new SettingsEdit(account, List.copyOf(edits));
    }

    /** The settings after these edits. */
    RuntimeSettings applyTo(RuntimeSettings current) {
        boolean off = current.switchedOff();
        RuntimeSettings.Scope scope = account.map(id -> current.accounts().getOrDefault(id, RuntimeSettings.Scope.NONE))
                .orElse(RuntimeSettings.Scope.NONE);
        boolean scopeOff = scope.switchedOff();
        Optional<RemediationMode> scopeMode = scope.mode();
        Map<String, RemediationMode> modes = new HashMap<>(account.isEmpty() ? current.modes() : scope.modes());
        for (String word : words) {
            if (word.equals("off") || word.equals("on")) {
                if (account.isEmpty()) {
                    off = word.equals("off");
                } else {
                    scopeOff = word.equals("off");
                }
                continue;
            }
            int equals = word.indexOf('=');
            String id = word.substring(0, equals);
            String text = word.substring(equals + 1);
            Optional<RemediationMode> mode = text.equalsIgnoreCase(DEFAULT) ? Optional.empty()
                    : RemediationMode.parse(text);
            if (id.equals(ALL)) {
                scopeMode = mode;
            } else if (mode.isPresent()) {
                modes.put(id, mode.get());
            } else {
                modes.remove(id);
            }
        }
        if (account.isEmpty()) {
            return new RuntimeSettings(off, modes, current.accounts());
        }
        Map<String, RuntimeSettings.Scope> accounts = new HashMap<>(current.accounts());
        RuntimeSettings.Scope edited = new RuntimeSettings.Scope(scopeOff, scopeMode, modes);
        if (edited.equals(RuntimeSettings.Scope.NONE)) {
            accounts.remove(account.get());
        } else {
            accounts.put(account.get(), edited);
        }
        return new RuntimeSettings(current.switchedOff(), current.modes(), accounts);
    }
}
