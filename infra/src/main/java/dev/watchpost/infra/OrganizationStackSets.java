package dev.watchpost.infra;

import dev.watchpost.detect.audit.WatchpostResources;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudformation.CfnStackSet;
import software.constructs.Construct;

/**
 * Rolls the member templates out to the organization: the member roles once per account (in the home region, IAM
 * being global) and the forwarder in every configured region, as service-managed StackSets that also deploy to each
 * account that later joins a target OU. When an account leaves, its stacks are deleted
 * ({@code RetainStacksOnAccountRemoval=false}): a role trusting the central account has no business outliving the
 * membership. The management account is never a target of service-managed StackSets; deploy
 * {@link WatchpostApp#MEMBER_ROLES_STACK_NAME} and {@link WatchpostApp#FORWARDER_STACK_NAME} there as ordinary
 * stacks. Deploy this stack where StackSets are administered: the management account with {@code callAs=SELF}, or a
 * delegated administrator (often the central account itself) with {@code callAs=DELEGATED_ADMIN}.
 *
 * <p>Built on {@code CfnStackSet} with the templates synthesized in the same app and passed as {@code TemplateBody}
 * ({@link MemberTemplates}, each checked to stay within 51,200 bytes): the member stacks have no assets, so nothing
 * needs uploading to a bucket every member can read, and cdklabs' {@code cdk-stacksets} is an experimental 0.0.x
 * library listed for npm and PyPI but not among the Maven packages this build can pin.
 */
public final class OrganizationStackSets extends Stack {
    static final String PERMISSION_MODEL = "SERVICE_MANAGED";
    static final String CAPABILITY = "CAPABILITY_NAMED_IAM";
    /** Per region, at most this share of accounts is updated at once, and this many may fail before it stops. */
    static final int MAX_CONCURRENT_PERCENTAGE = 25;
    static final int FAILURE_TOLERANCE_PERCENTAGE = 10;

    private final CfnStackSet memberRoles;
    private final CfnStackSet forwarder;

    public OrganizationStackSets(Construct scope, String id, StackProps props, String namePrefix,
                                 OrganizationSettings organization, MemberTemplates templates) {
        super(scope, id, props);
        this.memberRoles = stackSet("MemberRoles", WatchpostResources.memberRolesStackSet(namePrefix),
                "Watchpost member roles in every account of the target OUs", templates.memberRoles(),
                List.of(organization.homeRegion()), organization);
        this.forwarder = stackSet("Forwarder", WatchpostResources.forwarderStackSet(namePrefix),
                "Watchpost forwarding rule in every configured region of every account of the target OUs",
                templates.forwarder(), organization.regions(), organization);
        // The forwarding rule uses the forwarder role: roll the roles out first.
        forwarder.getNode().addDependency(memberRoles);
    }

    private CfnStackSet stackSet(String id, String name, String description, String template, List<String> regions,
                                 OrganizationSettings organization) {
        return CfnStackSet.Builder.create(this, id)
                .stackSetName(name)
                .description(description)
                .permissionModel(PERMISSION_MODEL)
                .callAs(organization.callAs().name())
                .autoDeployment(CfnStackSet.AutoDeploymentProperty.builder()
                        .enabled(true)
                        .retainStacksOnAccountRemoval(false)
                        .build())
                .capabilities(List.of(CAPABILITY))
                // An untyped property in CloudFormation's schema: the key must be written as CloudFormation spells it.
                .managedExecution(Map.of("Active", true))
                .operationPreferences(CfnStackSet.OperationPreferencesProperty.builder()
                        .regionConcurrencyType("PARALLEL")
                        .maxConcurrentPercentage(MAX_CONCURRENT_PERCENTAGE)
                        .failureTolerancePercentage(FAILURE_TOLERANCE_PERCENTAGE)
                        .build())
                .stackInstancesGroup(List.of(CfnStackSet.StackInstancesProperty.builder()
                        .deploymentTargets(CfnStackSet.DeploymentTargetsProperty.builder()
                                .organizationalUnitIds(organization.targetOus())
                                .build())
                        .regions(regions)
                        .build()))
                .templateBody(template)
                .build();
    }

    public CfnStackSet memberRoles() {
        return memberRoles;
    }

    public CfnStackSet forwarder() {
        return forwarder;
    }
}
