package dev.watchpost.config;

import java.util.List;

/**
 * Where an account sits in the organization, as far as Watchpost could learn it: the organizational units that hold
 * it, from the innermost to the root, or why that is unknown. {@link RuntimeSettings} applies the OU scopes of a
 * known path and never enforces on an unknown one. Immutable.
 */
public sealed interface OuPath {
    /** No OU applies: the account is unknown, or the settings name no OU (nothing was asked). */
    OuPath NONE = new Known(List.of());

    /**
     * The path, innermost first; the last element is the root ({@code r-...}) when AWS Organizations answered.
     *
     * @param innermostFirst OU ids, then the root id
     */
    record Known(List<String> innermostFirst) implements OuPath {
        public Known {
            innermostFirst = List.copyOf(innermostFirst);
        }
    }

    /**
     * AWS Organizations could not say (denied, throttled, unreachable, not an organization).
     *
     * @param reason what failed, for the alert
     */
    record Unknown(String reason) implements OuPath {
    }
}
