package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * What a member account of an organization deployment holds once (IAM is global): per family, the role the central
 * family function assumes to remediate here, holding exactly that family's remediation actions in every region, and
 * trusting only that central role ({@code aws:PrincipalArn}) inside the organization ({@code aws:PrincipalOrgID}),
 * with the external id when one is set; and the role EventBridge uses to forward this account's events to the central
 * bus, which may put events there and nowhere else. A template only (no asset, no bootstrap version check), so a
 * StackSet can deploy it to accounts where the CDK was never bootstrapped.
 */
public final class MemberRolesStack extends Stack {
    static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    static final String EXTERNAL_ID = "sts:ExternalId";

    private final Map<Family, Role> roles = new LinkedHashMap<>();
    private final Role forwarderRole;

    public MemberRolesStack(Construct scope, String id, String namePrefix, OrganizationSettings organization,
                            Detections registry, List<RemediationInfo> catalog) {
        super(scope, id, StackProps.builder()
                .description("Watchpost member roles: remediation per family for the central account "
                        + organization.centralAccount() + ", and event forwarding")
                .synthesizer(new BootstraplessSynthesizer())
                .build());
        for (Family family : Family.values()) {
            RemediationGrants grants = RemediationGrants.of(registry, catalog, family);
            Role role = Role.Builder.create(this, FamilyFunction.typeName(family) + "Role")
                    .roleName(MemberRoles.roleName(namePrefix, family))
                    .path(MemberRoles.path(namePrefix))
                    .description("Watchpost " + family.id() + " remediation from the central account"
                            + (grants.actions().isEmpty() ? "" : ": " + String.join(", ", grants.actions())))
                    .assumedBy(new AccountPrincipal(organization.centralAccount())
                            .withConditions(trustConditions(namePrefix, organization, family)))
                    .build();
            grants.statementsInEveryRegion().forEach(role::addToPrincipalPolicy);
            NagReasons.suppressForMemberRole(role, grants);
            roles.put(family, role);
        }

        this.forwarderRole = Role.Builder.create(this, "ForwarderRole")
                .roleName(MemberRoles.forwarderRoleName(namePrefix))
                .path(MemberRoles.path(namePrefix))
                .description("Watchpost: EventBridge forwards this account's CloudTrail events to the central bus")
                .assumedBy(new ServicePrincipal("events.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .build();
        forwarderRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of(CentralBus.PUT_EVENTS))
                .resources(List.of(organization.centralBusArn(namePrefix)))
                .build());
    }

    /** The central family role, exactly, from inside the organization, with the external id when there is one. */
    private static Map<String, Object> trustConditions(String namePrefix, OrganizationSettings organization,
                                                       Family family) {
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put(CentralBus.PRINCIPAL_ORG_ID, organization.organizationId());
        organization.externalId().ifPresent(id -> equals.put(EXTERNAL_ID, id));
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("ArnEquals", Map.of(PRINCIPAL_ARN, organization.centralRoleArn(namePrefix, family)));
        conditions.put("StringEquals", equals);
        return conditions;
    }

    public Map<Family, Role> roles() {
        return Map.copyOf(roles);
    }

    public Role forwarderRole() {
        return forwarderRole;
    }
}
