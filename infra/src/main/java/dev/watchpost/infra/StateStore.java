package dev.watchpost.infra;

import dev.watchpost.state.StateTable;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * Watchpost's state table: the functions' shared memory of which findings were handled (and, later, the sweeps'
 * memory of standing exposures, {@link #grantExposures}), with the key schema of {@link StateTable}: a string partition key, no sort key, items
 * expiring through the {@value StateTable#TTL_ATTRIBUTE} time-to-live attribute. On-demand, since writes come in
 * bursts of events and are few otherwise; encrypted with the stack's customer-managed key (the alert key: the table
 * holds what alerts hold, detection and event ids, and soon resource ids); point-in-time recovery on.
 *
 * <p>Removal policy {@code DESTROY}: the contents are a convenience, never needed for safety (without them an alert
 * may go out twice, never zero times), and rebuild themselves as events arrive; a table of alert data should not
 * outlive the deployment that watches over it, unmanaged. A function may only claim and update findings
 * ({@link #grantClaims}) and read, write, delete and list exposures ({@link #grantExposures}).
 */
public final class StateStore extends Construct {
    /** What a family function does with the table: claim a finding (PutItem), mark it alerted (UpdateItem). */
    static final List<String> ITEM_ACTIONS = List.of("dynamodb:PutItem", "dynamodb:UpdateItem");
    /** What a sweep does with its memory of exposures: read, write and delete one, list a place's (Scan). */
    static final List<String> EXPOSURE_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:DeleteItem", "dynamodb:Scan");

    private final Table table;
    private final IKey key;

    /**
     * @param namePrefix the deployment's prefix: the table is {@link #tableName named} after it
     * @param key        the customer-managed key that encrypts it
     */
    public StateStore(Construct scope, String id, String namePrefix, IKey key) {
        super(scope, id);
        this.key = key;
        this.table = Table.Builder.create(this, "Table")
                .tableName(tableName(namePrefix))
                .partitionKey(Attribute.builder().name(StateTable.PARTITION_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(key)
                .timeToLiveAttribute(StateTable.TTL_ATTRIBUTE)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /** {@code <namePrefix>-state}: a fixed name, so that operators and detections can recognise it. */
    public static String tableName(String namePrefix) {
        return namePrefix + "-state";
    }

    public Table table() {
        return table;
    }

    /**
     * {@link #ITEM_ACTIONS} on this table only, and {@code kms:Decrypt} on its key when DynamoDB in this region asks
     * for it (DynamoDB decrypts the table's key with the caller's permission when the caller reads or writes items).
     */
    public void grantClaims(IGrantable grantee) {
        table.grant(grantee, ITEM_ACTIONS.toArray(String[]::new));
        grantDecrypt(grantee);
    }

    /** {@link #EXPOSURE_ACTIONS} on this table only, and {@code kms:Decrypt} as for {@link #grantClaims}. */
    public void grantExposures(IGrantable grantee) {
        table.grant(grantee, EXPOSURE_ACTIONS.toArray(String[]::new));
        grantDecrypt(grantee);
    }

    private void grantDecrypt(IGrantable grantee) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                        "dynamodb." + Aws.REGION + "." + Aws.URL_SUFFIX)))
                .build());
    }
}
