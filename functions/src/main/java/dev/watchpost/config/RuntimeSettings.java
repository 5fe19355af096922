package dev.watchpost.config;

import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings people change at run time, held in the SSM parameter {@code /<prefix>/settings}
 * ({@link dev.watchpost.detect.DetectionParameters#settingsParameter}) (see
 * {@link RuntimeSettingsJson} for the format): a kill switch and remediation modes, for every account and per account.
 * They sit over the deploy-time modes ({@code WATCHPOST_REMEDIATION_MODES}), which sit over each remediation's own
 * default. The most specific setting wins, except that a kill switch wins over every mode:
 * <ol>
 *   <li>{@code "remediation": "off"} for every account, then for the event's account: nothing is remediated;</li>
 *   <li>the account's mode for the detection;</li>
 *   <li>the account's mode for every detection;</li>
 *   <li>the mode for the detection in every account;</li>
 *   <li>the deploy-time default.</li>
 * </ol>
 * Immutable.
 *
 * @param switchedOff whether all remediation is off, in every account
 * @param modes       per detection id, in every account
 * @param accounts    per 12-digit account id
 */
public record RuntimeSettings(boolean switchedOff, Map<String, RemediationMode> modes, Map<String, Scope> accounts) {
    private static final String UNSET = "(unset)";

    /** Nothing set: the deploy-time defaults apply. */
    public static final RuntimeSettings NONE = new RuntimeSettings(false, Map.of(), Map.of());

    public RuntimeSettings {
        modes = Map.copyOf(modes);
        accounts = Map.copyOf(accounts);
    }

    /**
     * What is set for one account (an OU would be a scope of the same shape).
     *
     * @param switchedOff whether all remediation is off in this account
     * @param mode        the mode of every detection in this account, unless {@code modes} names it
     * @param modes       per detection id, in this account
     */
    public record Scope(boolean switchedOff, Optional<RemediationMode> mode, Map<String, RemediationMode> modes) {
        public static final Scope NONE = new Scope(false, Optional.empty(), Map.of());

        public Scope {
            modes = Map.copyOf(modes);
        }

        boolean isEmpty() {
            return !switchedOff && mode.isEmpty() && modes.isEmpty();
        }
    }

    /**
     * The mode for {@code detectionId} in {@code account} ("" when unknown: only settings for every account apply).
     *
     * @param deployDefault the mode the deployment configured (or the remediation's own default)
     * @param parameter     the parameter's name, for the kill switch's reason
     */
    public ModeDecision decide(String detectionId, String account, RemediationMode deployDefault, String parameter) {
        if (switchedOff) {
            return new ModeDecision.SwitchedOff("remediation switched off by " + parameter
                    + " (\"remediation\": \"off\", every account); nothing was changed");
        }
        Scope scope = account.isEmpty() ? Scope.NONE : accounts.getOrDefault(account, Scope.NONE);
        if (scope.switchedOff()) {
            return new ModeDecision.SwitchedOff("remediation switched off by " + parameter
                    + " (\"remediation\": \"off\" for account " + account + "); nothing was changed");
        }
        RemediationMode mode = Optional.ofNullable(scope.modes().get(detectionId))
                .or(scope::mode)
                .or(() -> Optional.ofNullable(modes.get(detectionId)))
                .orElse(deployDefault);
        return new ModeDecision.Use(mode);
    }

    /**
     * Every setting as a line a person reads ("mode of X in account Y") with its value, sorted; what is unset is
     * absent. Two settings differ exactly where these maps differ.
     */
    public Map<String, String> described() {
        Map<String, String> out = new TreeMap<>();
        if (switchedOff) {
            out.put("remediation (every account)", "off");
        }
        modes.forEach((id, mode) -> out.put("mode of " + id + " (every account)", mode.name()));
        accounts.forEach((account, scope) -> {
            if (scope.switchedOff()) {
                out.put("remediation in account " + account, "off");
            }
            scope.mode().ifPresent(mode -> out.put("mode of every detection in account " + account, mode.name()));
            scope.modes().forEach((id, mode) -> out.put("mode of " + id + " in account " + account, mode.name()));
        });
        return out;
    }

    /** One line per setting that differs, {@code what: old → new}, sorted; "(unset)" where one side sets no mode, "on" where it switches nothing off. */
    public List<String> differencesFrom(RuntimeSettings before) {
        Map<String, String> old = before.described();
        Map<String, String> now = described();
        TreeSet<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            String absent = key.startsWith("remediation") ? "on" : UNSET;
            String was = old.getOrDefault(key, absent);
            String is = now.getOrDefault(key, absent);
            if (!was.equals(is)) {
                lines.add(key + ": " + was + " → " + is);
            }
        }
        return lines;
    }
}
