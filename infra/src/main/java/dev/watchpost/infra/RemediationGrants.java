package dev.watchpost.infra;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.RemediationInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The IAM statements a family's function needs for its remediations: exactly the actions the remediations declare
 * ({@link RemediationInfo#iamActions()}), each on the narrowest resource IAM supports for it. The resource of every
 * action is written down here on purpose: an action nobody has scoped yet fails synthesis instead of silently landing
 * on {@code *}. Stateless.
 */
public final class RemediationGrants {
    /** Actions IAM only authorizes on {@code *}: List/Describe calls have no resource-level permissions. */
    static final SortedSet<String> UNSCOPABLE = new TreeSet<>(List.of(
            "ec2:DescribeSecurityGroupRules",
            "ec2:DescribeSecurityGroups"));

    /** EC2 resource types per action; RevokeSecurityGroupIngress is authorized on the group and, by id, the rule. */
    private static final Map<String, List<String>> EC2_RESOURCE_TYPES = Map.of(
            "ec2:RevokeSecurityGroupIngress", List.of("security-group", "security-group-rule"));

    private RemediationGrants() {}

    /** The sorted IAM actions of the remediations that answer {@code family}'s detections. */
    public static SortedSet<String> actions(Detections registry, List<RemediationInfo> catalog, Family family) {
        SortedSet<String> actions = new TreeSet<>();
        for (RemediationInfo remediation : catalog) {
            Detection detection = registry.byId(remediation.detectionId()).orElseThrow(() -> new IllegalArgumentException(
                    "remediation " + remediation.id() + " answers unknown detection " + remediation.detectionId()));
            if (detection.info().family() == family) {
                actions.addAll(remediation.iamActions());
            }
        }
        return actions;
    }

    /** One statement per distinct resource list, in a stable order; empty when there are no actions. */
    public static List<PolicyStatement> statements(Stack stack, SortedSet<String> actions) {
        Map<List<String>, List<String>> actionsByResources = new LinkedHashMap<>();
        for (String action : actions) {
            actionsByResources.computeIfAbsent(resources(stack, action), r -> new ArrayList<>()).add(action);
        }
        List<PolicyStatement> statements = new ArrayList<>();
        actionsByResources.forEach((resources, grouped) -> statements.add(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(grouped)
                .resources(resources)
                .build()));
        return statements;
    }

    /**
     * The scoped-but-wildcard resources of {@code actions} as cdk-nag prints them in its IAM5 findings
     * ({@code arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*}), for written suppressions.
     */
    static List<String> wildcardResources(SortedSet<String> actions) {
        return actions.stream()
                .filter(EC2_RESOURCE_TYPES::containsKey)
                .flatMap(action -> EC2_RESOURCE_TYPES.get(action).stream())
                .distinct()
                .map(type -> "arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:" + type + "/*")
                .toList();
    }

    private static List<String> resources(Stack stack, String action) {
        if (UNSCOPABLE.contains(action)) {
            return List.of("*");
        }
        List<String> types = EC2_RESOURCE_TYPES.get(action);
        if (types == null) {
            throw new IllegalArgumentException("no resource scope is known for IAM action " + action
                    + "; add it to " + RemediationGrants.class.getSimpleName() + " (narrowest resource IAM supports)");
        }
        return types.stream().map(type -> stack.formatArn(ArnComponents.builder()
                .service("ec2")
                .resource(type)
                .resourceName("*")
                .build())).toList();
    }
}
