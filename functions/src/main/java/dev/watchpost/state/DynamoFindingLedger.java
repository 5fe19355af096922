package dev.watchpost.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A {@link FindingLedger} in the DynamoDB state table ({@link StateTable}). A claim is one conditional
 * {@code PutItem} of {@code finding#<dedup key>} in state {@value #CLAIMED}, which succeeds when the item is absent,
 * when it is a claim of the same invocation (Lambda's retry of it, on any container), or when it is a claim older than
 * {@link #CLAIM_LEASE} (its invocation ended without alerting: it crashed or timed out, and no retry of its own came);
 * a finding in state {@value #ALERTED}, or freshly claimed by another invocation that is still at work, is
 * {@link Claim.Taken}. After the sinks, the item moves to {@value #ALERTED} ({@code UpdateItem}), or, when a sink
 * failed, records the sinks that delivered so the retry sends only the others. Any other error (throttling, 5xx,
 * access denied, timeout) is {@link Claim.Unavailable}. Thread-safe (the SDK client is).
 */
public final class DynamoFindingLedger implements FindingLedger {
    /**
     * How long a claim by another invocation is respected: well past the function's timeout (60 s), after which that
     * invocation has either alerted or failed.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    static final String CLAIMED = "claimed";
    static final String ALERTED = "alerted";
    static final String STATE = "state";
    static final String OWNER = "owner";
    static final String CLAIMED_AT = "claimedAt";
    static final String ALERTED_AT = "alertedAt";
    static final String DELIVERED = "delivered";

    private static final String TAKE_IF_FREE = "attribute_not_exists(#pk) OR (#state = :claimed AND "
            + "(#owner = :owner OR #claimedAt < :stale))";

    /** An update may create the item (it expired, or its claim could not be written): it must expire too. */
    private static final String KEEP_EXPIRY = "#expires = if_not_exists(#expires, :expires)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFindingLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Claim claim(String dedupKey, String invocation, Instant now) {
        String owner = invocation == null ? "unknown-" + UUID.randomUUID() : invocation;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(StateTable.PARTITION_KEY, s(StateTable.findingKey(dedupKey)));
        item.put(STATE, s(CLAIMED));
        item.put(OWNER, s(owner));
        item.put(CLAIMED_AT, n(now.getEpochSecond()));
        item.put(StateTable.TTL_ATTRIBUTE, expiry(now));
        try {
            PutItemResponse response = dynamo.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression(TAKE_IF_FREE)
                    .expressionAttributeNames(Map.of("#pk", StateTable.PARTITION_KEY, "#state", STATE,
                            "#owner", OWNER, "#claimedAt", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":claimed", s(CLAIMED), ":owner", s(owner),
                            ":stale", n(now.minus(CLAIM_LEASE).getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Won(delivered(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            AttributeValue state = e.hasItem() ? e.item().get(STATE) : null;
            return new Claim.Taken(state == null || state.s() == null ? "" : state.s());
        } catch (SdkException e) {
            return new Claim.Unavailable(reason(e));
        }
    }

    @Override
    public Optional<String> alerted(String dedupKey, Instant now) {
        return update(dedupKey, "SET #state = :alerted, #alertedAt = :now, " + KEEP_EXPIRY + " REMOVE #delivered",
                Map.of("#state", STATE, "#alertedAt", ALERTED_AT, "#delivered", DELIVERED,
                        "#expires", StateTable.TTL_ATTRIBUTE),
                Map.of(":alerted", s(ALERTED), ":now", n(now.getEpochSecond()), ":expires", expiry(now)));
    }

    @Override
    public Optional<String> partlyDelivered(String dedupKey, Set<Integer> sinks, Instant now) {
        if (sinks.isEmpty()) {
            return Optional.empty();
        }
        Set<String> indexes = sinks.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return update(dedupKey, "ADD #delivered :sinks SET " + KEEP_EXPIRY,
                Map.of("#delivered", DELIVERED, "#expires", StateTable.TTL_ATTRIBUTE),
                Map.of(":sinks", AttributeValue.fromSs(indexes.stream().toList()), ":expires", expiry(now)));
    }

    private Optional<String> update(String dedupKey, String expression, Map<String, String> names,
                                    Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(update -> update.tableName(table)
                    .key(Map.of(StateTable.PARTITION_KEY, s(StateTable.findingKey(dedupKey))))
                    .updateExpression(expression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(reason(e));
        }
    }

    /** The sinks an earlier attempt recorded as delivered, from the item a claim replaced. */
    private static Set<Integer> delivered(Map<String, AttributeValue> old) {
        AttributeValue sinks = old == null ? null : old.get(DELIVERED);
        if (sinks == null || !sinks.hasSs()) {
            return Set.of();
        }
        Set<Integer> out = new TreeSet<>();
        for (String index : sinks.ss()) {
            try {
                out.add(Integer.parseInt(index));
            } catch (NumberFormatException e) {
                // Not written by Watchpost: ignore it, at worst an alert is sent twice.
            }
        }
        return out;
    }

    private static String reason(SdkException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static AttributeValue expiry(Instant now) {
        return n(now.plus(StateTable.FINDING_RETENTION).getEpochSecond());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
