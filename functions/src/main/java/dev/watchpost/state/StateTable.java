package dev.watchpost.state;

import java.time.Duration;

/**
 * The key schema of Watchpost's state table, shared by the functions (which read and write it) and the CDK stack
 * (which creates it), so neither spells an attribute name twice. One table holds every kind of memory, told apart by
 * the prefix of the partition key {@value #PARTITION_KEY}, with no sort key:
 * <ul>
 *   <li>{@code finding#<detection id>/<event id>}: who handles one finding ({@link FindingLedger}), kept
 *       {@link #FINDING_RETENTION};</li>
 *   <li>{@code exposure#<account>#<region>#<resource>}: reserved for the sweeps' memory of standing exposures (first
 *       seen, last seen, resolved), which live as long as the exposure does.</li>
 * </ul>
 * Items carry an expiry time in {@value #TTL_ATTRIBUTE} (epoch seconds), DynamoDB's time-to-live attribute, so old
 * memory deletes itself. Stateless.
 */
public final class StateTable {
    /** The partition key: a string, {@code <kind>#<id>}. */
    public static final String PARTITION_KEY = "pk";
    /** When DynamoDB may delete the item, in epoch seconds (the table's TTL attribute). */
    public static final String TTL_ATTRIBUTE = "expiresAt";
    /** The prefix of a finding's key. */
    public static final String FINDING_PREFIX = "finding#";
    /**
     * How long a finding is remembered: longer than every retry window that could deliver its event again
     * (EventBridge's 24 hours at most, then Lambda's asynchronous queue's 6 hours).
     */
    public static final Duration FINDING_RETENTION = Duration.ofDays(7);

    private StateTable() {}

    /** The partition key of the finding with this dedup key. */
    public static String findingKey(String dedupKey) {
        return FINDING_PREFIX + dedupKey;
    }
}
