package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.MemberRoles;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

/**
 * What each enabled region of a member account holds: one EventBridge rule on the default bus whose pattern is the
 * union of the family patterns ({@link ForwardingPattern}), putting the matching CloudTrail events on the central bus
 * with the forwarder role of {@link MemberRolesStack}. EventBridge delivers an event across accounts one hop only (an
 * event that arrived from another bus is not forwarded again), so every region targets the central bus directly, never
 * a bus in its own account's home region. In the central account's home region the central stack's default-bus
 * rules already see the events, so the rule there is created {@code DISABLED} rather than delivering them twice (an
 * absent rule would leave the template without resources, which CloudFormation refuses). A template only (no asset,
 * no bootstrap version check), for StackSets.
 */
public final class ForwarderStack extends Stack {
    static final String TARGET_ID = "CentralBus";

    private final CfnRule rule;

    public ForwarderStack(Construct scope, String id, String namePrefix, OrganizationSettings organization,
                          Detections registry) {
        super(scope, id, StackProps.builder()
                .description("Watchpost forwarder: CloudTrail events of Watchpost's detections to the central bus of "
                        + organization.centralAccount() + " in " + organization.homeRegion())
                .synthesizer(new BootstraplessSynthesizer())
                .build());
        CfnCondition centralHome = CfnCondition.Builder.create(this, "IsCentralHomeRegion")
                .expression(Fn.conditionAnd(
                        Fn.conditionEquals(Aws.ACCOUNT_ID, organization.centralAccount()),
                        Fn.conditionEquals(Aws.REGION, organization.homeRegion())))
                .build();
        this.rule = CfnRule.Builder.create(this, "Rule")
                .name(ruleName(namePrefix))
                .description("Forwards the CloudTrail events Watchpost detects on to its central bus")
                .eventPattern(ForwardingPattern.union(registry))
                .state(Fn.conditionIf(centralHome.getLogicalId(), "DISABLED", "ENABLED").toString())
                .targets(List.of(CfnRule.TargetProperty.builder()
                        .id(TARGET_ID)
                        .arn(organization.centralBusArn(namePrefix))
                        .roleArn(forwarderRoleArn(namePrefix))
                        .build()))
                .build();
    }

    /** {@code <prefix>-forward}. */
    public static String ruleName(String namePrefix) {
        return namePrefix + "-forward";
    }

    /** The forwarder role {@link MemberRolesStack} creates in the same account. */
    static String forwarderRoleArn(String namePrefix) {
        return "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role" + MemberRoles.path(namePrefix)
                + MemberRoles.forwarderRoleName(namePrefix);
    }

    public CfnRule rule() {
        return rule;
    }
}
