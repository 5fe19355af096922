package dev.watchpost.config;

import dev.watchpost.remediate.MemberRoles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the scheduled sweep runs, from the environment the stack sets. Member accounts come from two places:
 * the accounts listed in {@value #ACCOUNTS}, and, when {@value #DISCOVER_CALL_AS} is set, the accounts the member-roles
 * StackSet has deployed to, read at each sweep ({@code ListStackInstances} with that {@code CallAs}; the Organizations
 * SDK is not part of Watchpost). Immutable.
 *
 * @param regions     regions to sweep in each account; the function's own when none are set
 * @param accounts    member accounts to sweep besides the own one (reached through the member roles), whatever the
 *                    StackSet says of them
 * @param concurrency places (account × region) swept at once
 * @param discoverAs  the {@code CallAs} of the member-roles StackSet's {@code ListStackInstances}: {@value #SELF}
 *                    when the function runs in the management account, {@value #DELEGATED_ADMIN} in a StackSets
 *                    delegated administrator; empty to sweep only the listed accounts
 */
public record SweepSettings(List<String> regions, List<String> accounts, int concurrency,
                            Optional<String> discoverAs) {
    public static final String REGIONS = "WATCHPOST_SWEEP_REGIONS";
    public static final String ACCOUNTS = "WATCHPOST_SWEEP_ACCOUNTS";
    public static final String CONCURRENCY = "WATCHPOST_SWEEP_CONCURRENCY";
    public static final String DISCOVER_CALL_AS = "WATCHPOST_SWEEP_DISCOVER_CALL_AS";
    public static final String SELF = "SELF";
    public static final String DELEGATED_ADMIN = "DELEGATED_ADMIN";
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 32;

    public SweepSettings {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(discoverAs, "discoverAs");
    }

    /** Reads and checks the variables; {@code ownRegion} is the function's region (AWS_REGION). */
    public static SweepSettings fromEnvironment(Map<String, String> env, String ownRegion) {
        List<String> regions = list(env, REGIONS, MemberRoles.REGION, "not a region name");
        List<String> accounts = list(env, ACCOUNTS, MemberRoles.ACCOUNT_ID, "not a 12-digit account id");
        String concurrencyText = env.getOrDefault(CONCURRENCY, "").trim();
        int concurrency = DEFAULT_CONCURRENCY;
        if (!concurrencyText.isEmpty()) {
            try {
                concurrency = Integer.parseInt(concurrencyText);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(CONCURRENCY, concurrencyText, "not a number");
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new InvalidSettingException(CONCURRENCY, concurrencyText, "must be 1 to " + MAX_CONCURRENCY);
            }
        }
        String callAs = env.getOrDefault(DISCOVER_CALL_AS, "").trim();
        if (!callAs.isEmpty() && !callAs.equals(SELF) && !callAs.equals(DELEGATED_ADMIN)) {
            throw new InvalidSettingException(DISCOVER_CALL_AS, callAs, "expected " + SELF + " or " + DELEGATED_ADMIN);
        }
        return new SweepSettings(regions.isEmpty() && !ownRegion.isEmpty() ? List.of(ownRegion) : regions, accounts,
                concurrency, callAs.isEmpty() ? Optional.empty() : Optional.of(callAs));
    }

    private static List<String> list(Map<String, String> env, String name, Pattern pattern, String problem) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : Settings.commaSeparated(env.getOrDefault(name, ""))) {
            if (!pattern.matcher(value).matches()) {
                throw new InvalidSettingException(name, value, problem);
            }
            values.add(value);
        }
        return List.copyOf(values);
    }
}
