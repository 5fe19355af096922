package dev.watchpost.infra;

import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.MemberRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

/**
 * What each enabled region of a member account holds: EventBridge rules on the default bus that together match the
 * events some detection reads ({@link ForwardingPattern}: as few rules as fit EventBridge's limit on a pattern's
 * length, one today unless the catalog grows, and never two for one event), putting them on the central bus with the
 * forwarder role of {@link MemberRolesStack}. EventBridge delivers an event across accounts one hop only (an
 * event that arrived from another bus is not forwarded again), so every region targets the central bus directly, never
 * a bus in its own account's home region. In the central account's home region the central stack's default-bus
 * rules already see the events, so the rule there is created {@code DISABLED} rather than delivering them twice (an
 * absent rule would leave the template without resources, which CloudFormation refuses). A template only (no asset,
 * no bootstrap version check), for StackSets.
 */
public final class ForwarderStack extends Stack {
    static final String TARGET_ID = "CentralBus";

    private final List<CfnRule> rules = new ArrayList<>();

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
        String state = Fn.conditionIf(centralHome.getLogicalId(), "DISABLED", registry.readsReadOnlyEvents()
                ? FamilyRouting.ENABLED_WITH_READ_ONLY : "ENABLED").toString();
        List<Map<String, Object>> patterns = ForwardingPattern.patterns(registry);
        for (int i = 0; i < patterns.size(); i++) {
            rules.add(CfnRule.Builder.create(this, i == 0 ? "Rule" : "Rule" + (i + 1))
                    .name(ruleName(namePrefix, i))
                    .description("Forwards the CloudTrail events Watchpost detects on to its central bus")
                    .eventPattern(patterns.get(i))
                    .state(state)
                    .targets(List.of(CfnRule.TargetProperty.builder()
                            .id(TARGET_ID)
                            .arn(organization.centralBusArn(namePrefix))
                            .roleArn(forwarderRoleArn(namePrefix))
                            .build()))
                    .build());
        }
    }

    /** {@code <prefix>-forward} for the first rule, {@code <prefix>-forward-2} and so on for the others. */
    public static String ruleName(String namePrefix, int index) {
        return namePrefix + "-forward" + (index == 0 ? "" : "-" + (index + 1));
    }

    /** The forwarder role {@link MemberRolesStack} creates in the same account. */
    static String forwarderRoleArn(String namePrefix) {
        return "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role" + MemberRoles.path(namePrefix)
                + MemberRoles.forwarderRoleName(namePrefix);
    }

    public List<CfnRule> rules() {
        return List.copyOf(rules);
    }
}
