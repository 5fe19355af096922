package dev.watchpost.state;

import java.util.Set;

/** The answer to "may this invocation handle this finding?", from a {@link FindingLedger}. */
public sealed interface Claim {
    /**
     * Yes: the finding is this invocation's to remediate and alert.
     *
     * @param deliveredSinks the sinks (by index) that an earlier attempt already delivered to, not to be sent again
     */
    record Won(Set<Integer> deliveredSinks) implements Claim {
        public Won {
            deliveredSinks = Set.copyOf(deliveredSinks);
        }
    }

    /**
     * No: another invocation alerted it, or holds a fresh claim on it.
     *
     * @param state what the table says ({@code alerted}, {@code claimed}), or "" when it did not say
     */
    record Taken(String state) implements Claim {}

    /**
     * The ledger could not be asked (throttled, unavailable, access denied, timed out): handle the finding anyway,
     * since an alert twice beats an alert lost.
     *
     * @param reason the error, for the log
     */
    record Unavailable(String reason) implements Claim {}
}
