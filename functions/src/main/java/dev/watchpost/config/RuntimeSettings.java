package dev.watchpost.config;

import dev.watchpost.remediate.ModeDecision;
import dev.watchpost.remediate.RemediationMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings people change at run time, held in the SSM parameter {@code /<prefix>/settings}
 * ({@link dev.watchpost.detect.DetectionParameters#settingsParameter}) (see {@link RuntimeSettingsJson} for the
 * format): a kill switch and remediation modes, for every account, per account and per organizational unit, and
 * exemptions per account and per OU. They sit over the deploy-time modes ({@code WATCHPOST_REMEDIATION_MODES}), which
 * sit over each remediation's own default. The scopes that apply to an event's account are, most specific first: the
 * account's, then its OUs' from the innermost to the root ({@link OuPath}). The decision:
 * <ol>
 *   <li>a kill switch ({@code "remediation": "off"}) for every account or in any scope that applies: nothing is
 *       remediated;</li>
 *   <li>an exemption of the detection, not yet expired, in any scope that applies: nothing is remediated, the alert
 *       gives its reason;</li>
 *   <li>the mode of the first scope that names one (its mode for the detection, else its mode for every
 *       detection);</li>
 *   <li>the mode for the detection in every account;</li>
 *   <li>the deploy-time default.</li>
 * </ol>
 * When the account's OUs could not be read and an OU scope could have decided, the mode is at most {@code DRY_RUN}
 * and the decision's note says why: Watchpost never enforces on a guess. Immutable.
 *
 * @param switchedOff whether all remediation is off, in every account
 * @param modes       per detection id, in every account
 * @param accounts    per 12-digit account id
 * @param ous         per OU id ({@code ou-...}) or root id ({@code r-...})
 */
public record RuntimeSettings(boolean switchedOff, Map<String, RemediationMode> modes, Map<String, Scope> accounts,
                              Map<String, Scope> ous) {
    private static final String UNSET = "(unset)";

    /** Nothing set: the deploy-time defaults apply. */
    public static final RuntimeSettings NONE = new RuntimeSettings(false, Map.of(), Map.of(), Map.of());

    public RuntimeSettings {
        modes = Map.copyOf(modes);
        accounts = Map.copyOf(accounts);
        ous = Map.copyOf(ous);
    }

    /** Settings without OU scopes. */
    public RuntimeSettings(boolean switchedOff, Map<String, RemediationMode> modes, Map<String, Scope> accounts) {
        this(switchedOff, modes, accounts, Map.of());
    }

    /**
     * What is set for one account or one OU.
     *
     * @param switchedOff whether all remediation is off in this scope
     * @param mode        the mode of every detection in this scope, unless {@code modes} names it
     * @param modes       per detection id, in this scope
     * @param exempt      detections not remediated in this scope, each until a day and for a reason
     */
    public record Scope(boolean switchedOff, Optional<RemediationMode> mode, Map<String, RemediationMode> modes,
                        Map<String, Exempt> exempt) {
        public static final Scope NONE = new Scope(false, Optional.empty(), Map.of(), Map.of());

        public Scope {
            modes = Map.copyOf(modes);
            exempt = Map.copyOf(exempt);
        }

        /** A scope without exemptions. */
        public Scope(boolean switchedOff, Optional<RemediationMode> mode, Map<String, RemediationMode> modes) {
            this(switchedOff, mode, modes, Map.of());
        }

        boolean isEmpty() {
            return !switchedOff && mode.isEmpty() && modes.isEmpty() && exempt.isEmpty();
        }

        /** Whether this scope sets a mode for {@code detectionId}. */
        boolean namesMode(String detectionId) {
            return modes.containsKey(detectionId) || mode.isPresent();
        }

        /** Whether anything in this scope could change what happens to {@code detectionId}. */
        boolean concerns(String detectionId) {
            return switchedOff || namesMode(detectionId) || exempt.containsKey(detectionId);
        }
    }

    /**
     * A detection exempt from remediation in one scope: not remediated on or before {@code until}, for
     * {@code reason}, which the alert shows.
     *
     * @param until  the last day the exemption holds
     * @param reason why, as written
     */
    public record Exempt(LocalDate until, String reason) {
        boolean isActiveOn(LocalDate today) {
            return !today.isAfter(until);
        }
    }

    /** A scope that applies to an account, named for people ("account 1111…", "OU ou-…"). */
    private record Applying(String name, Scope scope) {}

    /**
     * The mode for {@code detectionId} in {@code account} ("" when unknown: only settings for every account apply).
     *
     * @param path          the OUs that hold the account ({@link OuPath#NONE} when the settings name no OU)
     * @param today         for exemptions
     * @param deployDefault the mode the deployment configured (or the remediation's own default)
     * @param parameter     the parameter's name, for the reasons given
     */
    public ModeDecision decide(String detectionId, String account, OuPath path, LocalDate today,
                               RemediationMode deployDefault, String parameter) {
        if (switchedOff) {
            return new ModeDecision.SwitchedOff("remediation switched off by " + parameter
                    + " (\"remediation\": \"off\", every account); nothing was changed");
        }
        List<Applying> applying = applying(account, path);
        for (Applying scope : applying) {
            if (scope.scope().switchedOff()) {
                return new ModeDecision.SwitchedOff("remediation switched off by " + parameter
                        + " (\"remediation\": \"off\" for " + scope.name() + "); nothing was changed");
            }
        }
        List<String> notes = new ArrayList<>();
        for (Applying scope : applying) {
            Exempt exempt = scope.scope().exempt().get(detectionId);
            if (exempt != null && exempt.isActiveOn(today)) {
                return new ModeDecision.Exempt(detectionId + " is exempt in " + scope.name() + " until "
                        + exempt.until() + " by " + parameter + ": " + exempt.reason() + "; nothing was changed");
            }
            if (exempt != null) {
                notes.add("the exemption of " + detectionId + " in " + scope.name() + " ended on " + exempt.until());
            }
        }
        RemediationMode mode = applying.stream()
                .map(scope -> Optional.ofNullable(scope.scope().modes().get(detectionId)).or(scope.scope()::mode))
                .flatMap(Optional::stream).findFirst()
                .or(() -> Optional.ofNullable(modes.get(detectionId)))
                .orElse(deployDefault);
        if (path instanceof OuPath.Unknown unknown && !account.isEmpty() && ouCouldDecide(detectionId, account)) {
            if (mode == RemediationMode.ENFORCE) {
                mode = RemediationMode.DRY_RUN;
            }
            notes.add("not enforced: the OUs of account " + account + " could not be read (" + unknown.reason()
                    + "), so the OU settings of " + parameter + " were not applied and the mode is at most DRY_RUN");
        }
        return new ModeDecision.Use(mode, String.join("; ", notes));
    }

    /** Whether the settings name any OU at all: only then is an account's OU path worth asking for. */
    public boolean hasOus() {
        return !ous.isEmpty();
    }

    /** The account's scope, then its OUs' innermost first, each only if the settings name it. */
    private List<Applying> applying(String account, OuPath path) {
        List<Applying> applying = new ArrayList<>();
        if (account.isEmpty()) {
            return applying;
        }
        Optional.ofNullable(accounts.get(account)).ifPresent(s -> applying.add(new Applying("account " + account, s)));
        if (path instanceof OuPath.Known known) {
            for (String ou : known.innermostFirst()) {
                Optional.ofNullable(ous.get(ou)).ifPresent(s -> applying.add(new Applying(
                        (ou.startsWith("r-") ? "root " : "OU ") + ou + " (holding account " + account + ")", s)));
            }
        }
        return applying;
    }

    /** Whether some OU scope could change the outcome for this account, had its OUs been known. */
    private boolean ouCouldDecide(String detectionId, String account) {
        Scope own = accounts.getOrDefault(account, Scope.NONE);
        return ous.values().stream().anyMatch(scope -> scope.switchedOff() || scope.exempt().containsKey(detectionId)
                || (!own.namesMode(detectionId) && scope.concerns(detectionId)));
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
        accounts.forEach((account, scope) -> describe("account " + account, scope, out));
        ous.forEach((ou, scope) -> describe("OU " + ou, scope, out));
        return out;
    }

    private static void describe(String name, Scope scope, Map<String, String> out) {
        if (scope.switchedOff()) {
            out.put("remediation in " + name, "off");
        }
        scope.mode().ifPresent(mode -> out.put("mode of every detection in " + name, mode.name()));
        scope.modes().forEach((id, mode) -> out.put("mode of " + id + " in " + name, mode.name()));
        scope.exempt().forEach((id, exempt) -> out.put("exemption of " + id + " in " + name,
                "until " + exempt.until() + ": " + exempt.reason()));
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
