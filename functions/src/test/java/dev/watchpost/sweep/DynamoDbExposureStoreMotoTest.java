package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.watchpost.moto.MotoPerClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB memory against moto, in a table shaped as the stack's (string key {@code pk}) created here. */
class DynamoDbExposureStoreMotoTest {
    private static final String TABLE = "watchpost-state";
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();
    private static DynamoDbClient dynamo;
    private final DynamoDbExposureStore store = new DynamoDbExposureStore(dynamo, TABLE);

    @BeforeAll
    static void start() {
        dynamo = DynamoDbClient.builder().endpointOverride(MOTO.uri()).region(Region.US_EAST_1)
                .credentialsProvider(MotoClients.CREDENTIALS).build();
    }

    @BeforeEach
    void table() {
        dynamo.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    @Test
    void remembersAndListsOnePlace_besideOtherItems() {
        dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("finding#network/abc"))));
        Exposure east = exposure("us-east-1", "sg-1");
        Exposure west = exposure("eu-west-1", "sg-2");
        store.put(east);
        store.put(west);

        assertEquals(List.of(east), store.openIn("123456789012", "us-east-1"));
        assertEquals(Optional.of(west), store.get(west.key()));
        assertEquals(2, store.all().size(), "the idempotency item is not an exposure");
        assertEquals("exposure#123456789012#us-east-1#network.sg-admin-port-open#sg-1", east.key());
    }

    @Test
    void forgetsARemovedExposure() {
        Exposure east = exposure("us-east-1", "sg-1");
        store.put(east);

        store.remove(east.key());

        assertEquals(Optional.empty(), store.get(east.key()));
    }

    @Test
    void saysWhatFailed_whenTheTableIsMissing() {
        DynamoDbExposureStore missing = new DynamoDbExposureStore(dynamo, "no-such-table");

        ExposureStoreException e = assertThrows(ExposureStoreException.class, () -> missing.get("exposure#x"));

        assertEquals(true, e.getMessage().contains("no-such-table"), e.getMessage());
    }

    private static Exposure exposure(String region, String group) {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        return new Exposure("123456789012", region, "network.sg-admin-port-open", group, "HIGH",
                "SSH open to the internet on " + group, at, at, "Planned (DRY_RUN): Revoke sgr-1 from " + group);
    }
}
