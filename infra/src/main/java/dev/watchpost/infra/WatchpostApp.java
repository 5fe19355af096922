package dev.watchpost.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK entry point ({@code cdk.json} runs it): reads the context, builds {@link WatchpostStack} and checks it with
 * cdk-nag's AWS Solutions rules, so a finding without a written reason fails {@code cdk synth}. Tests call
 * {@link #build} to get exactly what the CLI deploys.
 */
public final class WatchpostApp {
    public static final String STACK_NAME = "Watchpost";
    static final String DEFAULT_OUTDIR = "cdk.out";

    private WatchpostApp() {}

    public static void main(String[] args) {
        String outdir = System.getenv("CDK_OUTDIR");
        App app = new App(AppProps.builder()
                .outdir(outdir == null || outdir.isBlank() ? DEFAULT_OUTDIR : outdir)
                .build());
        try {
            build(app);
        } catch (IllegalArgumentException e) {
            System.err.println("watchpost: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** Adds the Watchpost stack, configured from {@code app}'s context, and the cdk-nag checks. */
    public static WatchpostStack build(App app) {
        DeploySettings settings = DeploySettings.fromContext(app.getNode()::tryGetContext);
        WatchpostStack stack = new WatchpostStack(app, STACK_NAME, StackProps.builder()
                .description("Watchpost: alerts on and remediates risky CloudTrail events")
                .build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
