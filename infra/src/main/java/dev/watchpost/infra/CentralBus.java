package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.detect.audit.WatchpostResources;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.CfnEventBusPolicy;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The event bus of an organization deployment, named {@code <prefix>}: every member account's forwarding rule puts
 * its CloudTrail events here, and the family rules route them on as they do from the default bus. Its policy lets any
 * principal of the organization ({@code aws:PrincipalOrgID}) put events, and nobody else; an archive keeps what
 * arrives for {@value #ARCHIVE_RETENTION_DAYS} days, so events can be replayed after a failed deploy or a new
 * detection. The archive is named {@code <prefix>-forwarded}, so that deleting it is recognised as tampering.
 */
public final class CentralBus extends Construct {
    public static final int ARCHIVE_RETENTION_DAYS = 30;
    static final String PUT_EVENTS = "events:PutEvents";
    static final String PRINCIPAL_ORG_ID = "aws:PrincipalOrgID";

    private final EventBus bus;

    public CentralBus(Construct scope, String id, String namePrefix, String organizationId, Detections registry) {
        super(scope, id);
        this.bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(namePrefix)
                .description("Watchpost: CloudTrail events forwarded by the organization's accounts")
                .build();
        CfnEventBusPolicy.Builder.create(this, "Policy")
                .eventBusName(bus.getEventBusName())
                .statementId("AllowTheOrganizationToPutEvents")
                .statement(PolicyStatement.Builder.create()
                        .sid("AllowTheOrganizationToPutEvents")
                        .effect(Effect.ALLOW)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(List.of(PUT_EVENTS))
                        .resources(List.of(bus.getEventBusArn()))
                        .conditions(Map.of("StringEquals", Map.of(PRINCIPAL_ORG_ID, organizationId)))
                        .build().toStatementJson())
                .build();
        CfnArchive.Builder.create(this, "Archive")
                .archiveName(WatchpostResources.centralArchive(namePrefix))
                .sourceArn(bus.getEventBusArn())
                .description("Watchpost: the forwarded events, for replay")
                .retentionDays(ARCHIVE_RETENTION_DAYS)
                .build();
    }

    public EventBus bus() {
        return bus;
    }
}
