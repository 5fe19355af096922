package dev.watchpost.remediate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Acts only in the functions' own account, in any region, with the functions' own credentials: the single-account
 * deployment, and the central account's own events in an organization deployment. An event of any other account is
 * {@code Skipped} with the reason, so a lookup made with the wrong credentials can never read "not found" as "already
 * done". When the own account is unknown nothing can be told apart, and nothing is acted on. Clients are built once
 * per region and kept. Thread-safe.
 */
public final class OwnAccountTargets implements Targets {
    private final String ownAccount;
    private final ClientFactory factory;
    private final Map<String, Remediations.Clients> byRegion = new ConcurrentHashMap<>();

    /** @param ownAccount the account the credentials of {@code factory} act in; "" when unknown */
    public OwnAccountTargets(String ownAccount, ClientFactory factory) {
        this.ownAccount = ownAccount;
        this.factory = factory;
    }

    public String ownAccount() {
        return ownAccount;
    }

    @Override
    public Reach reach(String account, String region) {
        if (ownAccount.isEmpty()) {
            return new Reach.Unreachable("Watchpost does not know its own account (WATCHPOST_ACCOUNT_ID is not set), "
                    + "so it cannot tell whether account " + account + " is its own; nothing was changed", false);
        }
        if (!ownAccount.equals(account)) {
            return new Reach.Unreachable("the event is from account " + account + " and Watchpost acts only in its own "
                    + "account " + ownAccount + " here (an organization deployment reaches member accounts through "
                    + "their member roles); nothing was changed", false);
        }
        return new Reach.Reachable(byRegion.computeIfAbsent(region, r -> factory.clients(r, null)), "own account");
    }
}
