package dev.watchpost.state;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Memory, shared by every container of a function, of which invocation handles each finding (by its dedup key), so a
 * finding whose event is delivered twice is remediated and alerted once. Advisory: when the memory cannot be reached,
 * {@link #claim} says {@link Claim.Unavailable} and the caller handles the finding anyway. Implementations never
 * throw for an unreachable store and are thread-safe.
 */
public interface FindingLedger {
    /**
     * Asks to handle a finding.
     *
     * @param dedupKey   the finding's {@code Finding.dedupKey()}
     * @param invocation who asks: the Lambda request id, which Lambda keeps across its own retries of an invocation,
     *                   so a retry finds its own claim and proceeds; null when unknown (never matches a claim)
     */
    Claim claim(String dedupKey, String invocation, Instant now);

    /** Records that every sink delivered the finding's alert; the reason when it could not be recorded. */
    Optional<String> alerted(String dedupKey, Instant now);

    /**
     * Records which sinks delivered, when another failed and the invocation is about to fail for a retry; the reason
     * when it could not be recorded.
     */
    Optional<String> partlyDelivered(String dedupKey, Set<Integer> sinks, Instant now);

    /** No shared memory (the CLI, tests, a deployment without a table): every claim is won, nothing is recorded. */
    static FindingLedger none() {
        return NoLedger.INSTANCE;
    }

    /** The ledger of {@link #none()}. */
    enum NoLedger implements FindingLedger {
        INSTANCE;

        private static final Claim.Won FRESH = new Claim.Won(Set.of());

        @Override
        public Claim claim(String dedupKey, String invocation, Instant now) {
            return FRESH;
        }

        @Override
        public Optional<String> alerted(String dedupKey, Instant now) {
            return Optional.empty();
        }

        @Override
        public Optional<String> partlyDelivered(String dedupKey, Set<Integer> sinks, Instant now) {
            return Optional.empty();
        }
    }
}
