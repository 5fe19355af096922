package dev.watchpost.infra;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.Remediations;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK entry point ({@code cdk.json} runs it): reads the settings ({@link SettingsFile}, else the context), builds
 * {@link WatchpostStack} and checks every stack with cdk-nag's AWS Solutions rules, so a finding without a written
 * reason fails {@code cdk synth}. In an organization deployment it also builds the StackSets and, as stacks of their
 * own for the management account (which service-managed StackSets skip), the member roles and the forwarder. Tests
 * call {@link #build} or {@link #buildAll} to get exactly what the CLI deploys.
 */
public final class WatchpostApp {
    public static final String STACK_NAME = "Watchpost";
    public static final String STACK_SETS_STACK_NAME = "WatchpostStackSets";
    public static final String MEMBER_ROLES_STACK_NAME = "WatchpostMemberRoles";
    public static final String FORWARDER_STACK_NAME = "WatchpostForwarder";
    static final String DEFAULT_OUTDIR = "cdk.out";

    /**
     * The stacks of one deployment.
     *
     * @param central      the Watchpost stack (the only one of a single-account deployment)
     * @param organization the other stacks of an organization deployment
     */
    public record Stacks(WatchpostStack central, Optional<OrganizationStacks> organization) {}

    /** The stacks an organization deployment adds to the central one. */
    public record OrganizationStacks(OrganizationStackSets stackSets, MemberRolesStack memberRoles,
                                     ForwarderStack forwarder) {}

    private WatchpostApp() {}

    public static void main(String[] args) {
        String outdir = System.getenv("CDK_OUTDIR");
        App app = new App(AppProps.builder()
                .outdir(outdir == null || outdir.isBlank() ? DEFAULT_OUTDIR : outdir)
                .build());
        try {
            buildAll(app);
        } catch (IllegalArgumentException e) {
            System.err.println("watchpost: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** {@link #buildAll}, returning the Watchpost stack. */
    public static WatchpostStack build(App app) {
        return buildAll(app).central();
    }

    /** Adds the stacks, configured from {@code app}'s settings, and the cdk-nag checks. */
    public static Stacks buildAll(App app) {
        DeploySettings settings = DeploySettings.fromContext(SettingsFile.resolve(app.getNode()::tryGetContext));
        StackProps.Builder central = StackProps.builder()
                .description("Watchpost: alerts on and remediates risky CloudTrail events");
        // The central stack can only go to the account and region that member roles trust and forwarders target.
        settings.organization().ifPresent(organization -> central.env(Environment.builder()
                .account(organization.centralAccount())
                .region(organization.homeRegion())
                .build()));
        WatchpostStack stack = new WatchpostStack(app, STACK_NAME, central.build(), settings);
        Optional<OrganizationStacks> organization = settings.organization().map(org -> {
            Detections registry = Detections.defaults(DetectionParameters.defaults());
            MemberTemplates templates = MemberTemplates.synthesize(settings.namePrefix(), org, registry,
                    Remediations.catalog());
            return new OrganizationStacks(
                    // The StackSets live in the home region, where the central sweeps list the member roles' one.
                    new OrganizationStackSets(app, STACK_SETS_STACK_NAME, StackProps.builder()
                            .description("Watchpost StackSets: member roles and forwarders across the organization")
                            .env(Environment.builder().region(org.homeRegion()).build())
                            .build(), settings.namePrefix(), org, templates),
                    new MemberRolesStack(app, MEMBER_ROLES_STACK_NAME, settings.namePrefix(), org, registry,
                            Remediations.catalog()),
                    new ForwarderStack(app, FORWARDER_STACK_NAME, settings.namePrefix(), org, registry));
        });
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new Stacks(stack, organization);
    }
}
