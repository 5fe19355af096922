package dev.watchpost.remediate;

/**
 * Where a remediation may act: given the account and region an event names, the SDK clients whose credentials act
 * there, or why there are none. The one place that decides which credentials reach which account, so a remediation
 * can never change (or look up, and wrongly find "not found" in) an account other than the event's. Implementations
 * are thread-safe.
 */
public interface Targets {
    /**
     * The clients for {@code account} and {@code region}, both already checked to look like an account id and a
     * region name. Never throws: a failure to get credentials is an {@link Reach.Unreachable} that says so.
     */
    Reach reach(String account, String region);

    /** Whether a remediation for an event of {@code account} and {@code region} can act, and with what. */
    sealed interface Reach {
        /** Clients acting in the event's account and region; {@code via} says how, for the alert ("own account"). */
        record Reachable(Remediations.Clients clients, String via) implements Reach {}

        /**
         * No clients: {@code reason} says why, for the alert. {@code attempted} when credentials were asked for and
         * refused (the outcome is {@code Failed}); false when Watchpost is not set up to act there ({@code Skipped}).
         */
        record Unreachable(String reason, boolean attempted) implements Reach {}
    }
}
