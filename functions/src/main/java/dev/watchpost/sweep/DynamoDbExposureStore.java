package dev.watchpost.sweep;

import dev.watchpost.config.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The memory in the deployment's state table (name from {@value Settings#STATE_TABLE}; string partition key {@code pk}), one
 * item per exposure keyed {@link Exposure#key}, beside the idempotency items ({@code finding#…}) others keep there.
 * Listing one place's exposures is a filtered, paginated scan ({@code begins_with(pk, …)}): the table has no sort key
 * to query by. Every SDK failure becomes an {@link ExposureStoreException}. Thread-safe (the client is).
 *
 * @param dynamo the client
 * @param table  the state table's name
 */
public record DynamoDbExposureStore(DynamoDbClient dynamo, String table) implements ExposureStore {
    static final String PK = "pk";

    @Override
    public Optional<Exposure> get(String key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of(PK, s(key)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(exposure(item));
        } catch (SdkException e) {
            throw new ExposureStoreException("could not read " + key + " from " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Exposure exposure) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(exposure.key()));
        item.put("account", s(exposure.account()));
        item.put("region", s(exposure.region()));
        item.put("detection", s(exposure.detection()));
        item.put("resource", s(exposure.resource()));
        item.put("severity", s(exposure.severity()));
        item.put("title", s(exposure.title()));
        item.put("firstSeen", s(exposure.firstSeen().toString()));
        item.put("lastSeen", s(exposure.lastSeen().toString()));
        item.put("why", s(exposure.why()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item));
        } catch (SdkException e) {
            throw new ExposureStoreException("could not write " + exposure.key() + " to " + table + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(PK, s(key))));
        } catch (SdkException e) {
            throw new ExposureStoreException("could not delete " + key + " from " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Exposure> openIn(String account, String region) {
        return withPrefix(Exposure.placePrefix(account, region));
    }

    @Override
    public List<Exposure> all() {
        return withPrefix(Exposure.KEY_PREFIX);
    }

    private List<Exposure> withPrefix(String prefix) {
        List<Exposure> found = new ArrayList<>();
        try {
            ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(true)
                    .filterExpression("begins_with(#pk, :prefix)").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":prefix", s(prefix))).build();
            dynamo.scanPaginator(request).items().forEach(item -> found.add(exposure(item)));
        } catch (SdkException e) {
            throw new ExposureStoreException("could not list " + prefix + " in " + table + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Exposure::key));
        return found;
    }

    private static Exposure exposure(Map<String, AttributeValue> item) {
        return new Exposure(text(item, "account"), text(item, "region"), text(item, "detection"),
                text(item, "resource"), text(item, "severity"), text(item, "title"),
                Instant.parse(text(item, "firstSeen")), Instant.parse(text(item, "lastSeen")), text(item, "why"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value == null ? "" : value).build();
    }
}
