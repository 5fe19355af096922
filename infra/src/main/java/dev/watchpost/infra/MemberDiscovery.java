package dev.watchpost.infra;

import dev.watchpost.config.SweepSettings;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Lets a central family function's sweep find the organization's member accounts without the Organizations API: when
 * the management account is known ({@link OrganizationSettings#sweepDiscovery}), its role may list the instances of
 * the member-roles StackSet ({@code cloudformation:ListStackInstances} on that StackSet's ARN, and nothing else) and
 * the function is told the {@code CallAs} to list them with ({@value SweepSettings#DISCOVER_CALL_AS}). Stateless.
 */
final class MemberDiscovery {
    static final String LIST_STACK_INSTANCES = "cloudformation:ListStackInstances";

    private MemberDiscovery() {}

    /** Grants and configures {@code function} for {@code organization}; {@code prefix} names the StackSet. */
    static void allow(FamilyFunction function, String prefix, OrganizationSettings organization) {
        organization.sweepDiscovery().ifPresent(callAs -> {
            function.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .sid("ListMemberRolesStackInstances")
                    .effect(Effect.ALLOW)
                    .actions(List.of(LIST_STACK_INSTANCES))
                    .resources(List.of(organization.memberRolesStackSetArn(Aws.PARTITION, prefix).orElseThrow()))
                    .build());
            function.function().addEnvironment(SweepSettings.DISCOVER_CALL_AS, callAs.name());
            NagReasons.suppressForStackSetListing(function.role(),
                    organization.memberRolesStackSetArn("<AWS::Partition>", prefix).orElseThrow());
        });
    }
}
