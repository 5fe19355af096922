package dev.watchpost.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which places (account × region) one scheduled sweep covers, decided at each sweep: the own account, the accounts
 * listed in the settings, and the accounts the member-roles StackSet has deployed to ({@link StackSetAccounts}), each
 * in every configured region. A listed account is always swept (its member role's absence shows as a place that
 * cannot be reached); an account only the StackSet names is swept once its member role stack is {@code CURRENT}, and
 * otherwise reported as not swept with the stack's status; a suspended account (closed: nothing can act in it) is
 * listed as not swept without counting as a problem, so it does not raise the sweep-problems alarm at every run. When
 * the StackSet cannot be read, the sweep covers the own
 * and listed accounts and reports that the organization's other accounts were not discovered, so coverage is never
 * claimed that was not had. Immutable; thread-safe if the StackSet reader is.
 */
public final class SweepCoverage {
    private final String ownAccount;
    private final List<String> listedAccounts;
    private final List<String> regions;
    private final Optional<StackSetAccounts> stackSet;

    /**
     * What one sweep covers and what it could not.
     *
     * @param places   the places to sweep
     * @param problems accounts not swept and why, and a failed discovery, each one line
     * @param notes    accounts not swept that are no problem (suspended), each one line
     */
    public record Plan(List<Place> places, List<String> problems, List<String> notes) {
        public Plan {
            places = List.copyOf(places);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /** Every account not swept and why, problems first: what the digest lists. */
        public List<String> notSwept() {
            List<String> all = new ArrayList<>(problems);
            all.addAll(notes);
            return all;
        }
    }

    /**
     * @param listedAccounts member accounts to sweep whatever the StackSet says
     * @param stackSet       where to discover the others; empty to sweep only the own and listed accounts
     */
    public SweepCoverage(String ownAccount, List<String> listedAccounts, List<String> regions,
                         Optional<StackSetAccounts> stackSet) {
        this.ownAccount = Objects.requireNonNull(ownAccount, "ownAccount");
        this.listedAccounts = List.copyOf(listedAccounts);
        this.regions = List.copyOf(regions);
        this.stackSet = Objects.requireNonNull(stackSet, "stackSet");
    }

    public Plan plan() {
        Set<String> accounts = new LinkedHashSet<>(List.of(ownAccount));
        accounts.addAll(listedAccounts);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        stackSet.ifPresent(reader -> {
            try {
                StackSetAccounts.Listing listing = reader.list();
                accounts.addAll(listing.deployed());
                listing.notDeployed().forEach((account, status) -> {
                    if (!accounts.contains(account)) {
                        problems.add(account + ": not swept: member role stack " + status);
                    }
                });
                listing.suspended().stream().filter(account -> !accounts.contains(account))
                        .forEach(account -> notes.add(account + ": not swept: the account is suspended"));
            } catch (RuntimeException e) {
                problems.add("member accounts not discovered: could not list the instances of " + reader.describe()
                        + ": " + e.getClass().getSimpleName() + ": " + e.getMessage() + "; swept only "
                        + (listedAccounts.isEmpty() ? "this account" : "this account and the "
                        + listedAccounts.size() + " listed"));
            }
        });
        List<Place> places = new ArrayList<>();
        for (String account : accounts) {
            regions.forEach(region -> places.add(new Place(account, region)));
        }
        return new Plan(places, problems, notes);
    }
}
