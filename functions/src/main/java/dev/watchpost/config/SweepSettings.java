package dev.watchpost.config;

import dev.watchpost.remediate.MemberRoles;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the scheduled sweep runs, from the environment the stack sets. Accounts are listed, not discovered:
 * the Organizations SDK is not part of Watchpost, so the stack passes the {@code sweepAccounts} setting (or the
 * StackSet's target accounts when they are given as ids). Immutable.
 *
 * @param regions     regions to sweep in each account; the function's own when none are set
 * @param accounts    member accounts to sweep besides the own one (reached through the member roles)
 * @param concurrency places (account × region) swept at once
 */
public record SweepSettings(List<String> regions, List<String> accounts, int concurrency) {
    public static final String REGIONS = "WATCHPOST_SWEEP_REGIONS";
    public static final String ACCOUNTS = "WATCHPOST_SWEEP_ACCOUNTS";
    public static final String CONCURRENCY = "WATCHPOST_SWEEP_CONCURRENCY";
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 32;

    public SweepSettings {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
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
        return new SweepSettings(regions.isEmpty() && !ownRegion.isEmpty() ? List.of(ownRegion) : regions, accounts,
                concurrency);
    }

    private static List<String> list(Map<String, String> env, String name, Pattern pattern, String problem) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : Arrays.stream(env.getOrDefault(name, "").split(",")).map(String::trim)
                .filter(v -> !v.isEmpty()).toList()) {
            if (!pattern.matcher(value).matches()) {
                throw new InvalidSettingException(name, value, problem);
            }
            values.add(value);
        }
        return List.copyOf(values);
    }
}
