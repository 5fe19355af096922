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
 * @param edits   the edits, in order
 */
record SettingsEdit(Optional<String> account, List<Edit> edits) {
    static final String ALL = "all";
    static final String DEFAULT = "default";

    /** One word: {@code off} or {@code on} (id and word alike), or a mode for a detection or {@link #ALL}. */
    record Edit(String word, String id, Optional<RemediationMode> mode) {}

    /** Reads the words after {@code set}; throws naming the first one that is not an edit. */
    static SettingsEdit parse(List<String> words) {
        Optional<String> account = Optional.empty();
        List<Edit> edits = new ArrayList<>();
        Set<String> known = RuntimeSettingsJson.remediableDetections();
        for (String word : words) {
            int equals = word.indexOf('=');
            String id = equals < 0 ? word : word.substring(0, equals);
            String value = word.substring(equals + 1);
            if (equals >= 0 && id.equals("account")) {
                if (!MemberRoles.ACCOUNT_ID.matcher(value).matches()) {
                    throw new UsageException("\"" + word + "\": the account must be a 12-digit account id");
                }
                if (account.isPresent()) {
                    throw new UsageException("\"" + word + "\": give account= once (one scope per command)");
                }
                account = Optional.of(value);
            } else if (equals < 0 && !word.equals("off") && !word.equals("on")) {
                throw new UsageException("\"" + word + "\" is not an edit (expected DETECTION=MODE, all=MODE, off "
                        + "or on)");
            } else if (equals >= 0 && !id.equals(ALL) && !known.contains(id)) {
                throw new UsageException("\"" + word + "\": " + id + " is not a detection with a remediation; known: "
                        + String.join(", ", known));
            } else if (equals >= 0 && !value.equalsIgnoreCase(DEFAULT) && RemediationMode.parse(value).isEmpty()) {
                throw new UsageException("\"" + word + "\": " + value + " is not a mode (expected OFF, DRY_RUN, "
                        + "ENFORCE or default)");
            } else {
                edits.add(new Edit(word, id, equals < 0 ? Optional.empty() : RemediationMode.parse(value)));
            }
        }
        if (edits.isEmpty()) {
            throw new UsageException("nothing to set (expected DETECTION=MODE, all=MODE account=ID, off or on)");
        }
        for (Edit edit : edits) {
            if (edit.id().equals(ALL) && account.isEmpty()) {
                throw new UsageException("\"" + edit.word() + "\": all=MODE sets every detection of one account; "
                        + "add account=ID (for every account, set each detection, or use off)");
            }
        }
        return new SettingsEdit(account, List.copyOf(edits));
    }

    /** The settings after these edits. */
    RuntimeSettings applyTo(RuntimeSettings current) {
        RuntimeSettings.Scope scope = account.map(id -> current.accounts().getOrDefault(id, RuntimeSettings.Scope.NONE))
                .orElse(RuntimeSettings.Scope.NONE);
        boolean off = account.isEmpty() ? current.switchedOff() : scope.switchedOff();
        Optional<RemediationMode> scopeMode = scope.mode();
        Map<String, RemediationMode> modes = new HashMap<>(account.isEmpty() ? current.modes() : scope.modes());
        for (Edit edit : edits) {
            switch (edit.id()) {
                case "off", "on" -> off = edit.id().equals("off");
                case ALL -> scopeMode = edit.mode();
                default -> edit.mode().ifPresentOrElse(mode -> modes.put(edit.id(), mode),
                        () -> modes.remove(edit.id()));
            }
        }
        if (account.isEmpty()) {
            return new RuntimeSettings(off, modes, current.accounts());
        }
        Map<String, RuntimeSettings.Scope> accounts = new HashMap<>(current.accounts());
        RuntimeSettings.Scope edited = new RuntimeSettings.Scope(off, scopeMode, modes);
        if (edited.equals(RuntimeSettings.Scope.NONE)) {
            accounts.remove(account.get());
        } else {
            accounts.put(account.get(), edited);
        }
        return new RuntimeSettings(current.switchedOff(), current.modes(), accounts);
    }
}
