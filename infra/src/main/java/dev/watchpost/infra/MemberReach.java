package dev.watchpost.infra;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.MemberRoles;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Lets a central family function act in the organization's member accounts: its role may assume that family's member
 * role, and no other role, in any account whose owner is the organization ({@code aws:ResourceOrgID}), and the
 * function is told to do so ({@link Settings#MEMBER_ROLES}, with the external id the member roles require). The
 * account wildcard is why the condition exists; the member role's own trust checks the caller again. It may also ask
 * AWS Organizations which OUs hold an account ({@value #LIST_PARENTS}), for runtime settings scoped by OU; AWS answers
 * that only in the management account or a delegated administrator. Stateless.
 */
final class MemberReach {
    static final String ASSUME_ROLE = "sts:AssumeRole";
    static final String RESOURCE_ORG_ID = "aws:ResourceOrgID";
    static final String LIST_PARENTS = "organizations:ListParents";

    private MemberReach() {}

    /** Grants and configures {@code function} for {@code organization}; {@code prefix} names the member roles. */
    static void allow(FamilyFunction function, String prefix, OrganizationSettings organization) {
        String memberRoles = memberRoleArns(prefix, function.family());
        function.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("AssumeTheMemberRoleOfThisFamily")
                .effect(Effect.ALLOW)
                .actions(List.of(ASSUME_ROLE))
                .resources(List.of(memberRoles))
                .conditions(Map.of("StringEquals", Map.of(RESOURCE_ORG_ID, organization.organizationId())))
                .build());
        function.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ReadWhichOusHoldAnAccount")
                .effect(Effect.ALLOW)
                .actions(List.of(LIST_PARENTS))
                .resources(List.of("*"))
                .build());
        NagReasons.suppressForOuLookup(function.role());
        function.function().addEnvironment(Settings.MEMBER_ROLES, "true");
        organization.externalId().ifPresent(id -> function.function().addEnvironment(Settings.EXTERNAL_ID, id));
        NagReasons.suppressForMemberRoleAssumption(function.role(),
                MemberRoles.roleArn("<AWS::Partition>", "*", prefix, function.family()));
    }

    /** {@code arn:${Partition}:iam::*:role/<prefix>/<prefix>-member-<family>}: the family's role in every account. */
    static String memberRoleArns(String prefix, Family family) {
        return MemberRoles.roleArn(Aws.PARTITION, "*", prefix, family);
    }
}
