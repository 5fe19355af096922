package dev.watchpost.cli;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.Remediation;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.sweep.InMemoryExposureStore;
import dev.watchpost.sweep.NetworkSweep;
import dev.watchpost.sweep.Place;
import dev.watchpost.sweep.SweepReport;
import dev.watchpost.sweep.SweepRunner;
import dev.watchpost.sweep.Sweeps;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code watchpost sweep}: reads the current state of the account the credentials act in, in each region asked for,
 * and prints what stands open, with the same detections, finding documents and remediation plans as a deployment.
 * Remediations are only planned unless {@code --apply} is given; then they act as in a deployment (ENFORCE acts,
 * DRY_RUN plans, OFF skips), under its runtime settings ({@link DeployedModes}). Credentials and endpoint:
 * {@link AwsAccess}.
 */
final class SweepCommand {
    static final String SYNOPSIS = "usage: java -jar watchpost.jar sweep [--region REGION]... [--profile NAME] "
            + "[--family FAMILY]... [--format FORMAT] [--apply [--settings-region REGION]]";
    static final String USAGE = SYNOPSIS + """


            Reads the current state of the account your credentials act in and reports what stands open now:
            security groups and network ACLs open to the internet on admin ports, serial console access, EBS
            encryption by default, IMDS account defaults and running instances allowing IMDSv1, trails not
            logging, single-region, without log-file validation or dropping management events. Findings are the
            same documents a deployment sends, marked origin: sweep.

            Options:
              --region REGION   a region to sweep (repeatable; default: the SDK's region, e.g. AWS_REGION)
              --profile NAME    the AWS CLI profile to use (default: the SDK's default credential chain)
              --family FAMILY   network, access, hardening or audit (repeatable; default: all)
              --format FORMAT   text (default), json, slack, chatbot, asff or email, as for scan
              --apply           act as a deployment would: in each detection's mode, under the deployment's
                                runtime settings (/<prefix>/settings: kill switch, modes, exemptions),
                                which must be readable; without it every remediation is only planned
              --settings-region REGION
                                where that parameter is (default: the first region swept)
              -h, --help        print this help

            Exit status: 0 swept, nothing open; 3 something is open; 1 some place could not be swept;
            2 usage error.
            """;

    private SweepCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        return CommandLine.run("sweep", USAGE, args, Set.of("--region", "--profile", "--family", "--format",
                "--settings-region"), Set.of("--apply"), out, err, line -> sweep(line, out, err, env));
    }

    private static int sweep(CommandLine line, PrintStream out, PrintStream err, Map<String, String> env) {
        if (!line.words().isEmpty()) {
            throw new UsageException("unknown argument: " + line.words().getFirst());
        }
        boolean apply = line.options().containsKey("--apply");
        if (line.last("--settings-region").isPresent() && !apply) {
            throw new UsageException("--settings-region is only read with --apply");
        }
        List<String> given = line.all("--region").stream().map(AwsAccess::region).toList();
        Optional<String> settingsRegion = line.last("--settings-region").map(AwsAccess::region);
        List<Family> families = line.all("--family").stream().map(SweepCommand::family).distinct().toList();
        FindingPrinter.Format format = FindingPrinter.Format.parse(line.last("--format").orElse("text"));
        Settings settings = Settings.fromEnvironment(env);
        Wiring.checkModes(settings);
        List<String> regions = given.isEmpty() ? List.of(defaultRegion()) : given;
        AwsAccess aws = new AwsAccess(env, line.last("--profile"));
        ClientFactory clients = (region, own) -> Remediations.Clients.lazily(
                () -> aws.configure(Ec2Client.builder(), "EC2", Optional.of(region)).build(),
                () -> aws.configure(CloudTrailClient.builder(), "CLOUDTRAIL", Optional.of(region)).build(),
                () -> aws.configure(EventBridgeClient.builder(), "EVENTBRIDGE", Optional.of(region)).build());
        String account;
        try (StsClient sts = aws.configure(StsClient.builder(), "STS", Optional.of(regions.getFirst())).build()) {
            account = sts.getCallerIdentity().account();
        } catch (SdkException e) {
            err.println("watchpost sweep: could not tell which account the credentials act in (sts:GetCallerIdentity):"
                    + " " + e.getMessage());
            return Main.EXIT_UNREADABLE;
        }
        ModeSource modes = ModeSource.fixed(settings.remediationModes());
        if (apply) {
            String parameter = DetectionParameters.settingsParameter(settings.namePrefix());
            try (SsmClient ssm = aws.configure(SsmClient.builder(), "SSM",
                    Optional.of(settingsRegion.orElse(regions.getFirst()))).build()) {
                modes = DeployedModes.read(ssm, parameter, settings.remediationModes(), Clock.systemUTC());
            } catch (IllegalStateException e) {
                err.println("watchpost sweep: " + e.getMessage());
                return Main.EXIT_UNREADABLE;
            }
        }
        OwnAccountTargets targets = new OwnAccountTargets(account, clients);
        FindingPrinter printer = new FindingPrinter(new ScanOutput(out, err, false), format);
        List<Place> places = regions.stream().map(region -> new Place(account, region)).toList();
        boolean open = false;
        boolean problems = false;
        InMemoryExposureStore memory = new InMemoryExposureStore();
        for (Family family : families.isEmpty() ? List.of(Family.values()) : families) {
            Detections detections = Wiring.detectionsOf(family, settings);
            List<Remediation> remediations = Remediations.forDetections(detections.ids(),
                    settings.exemptTagKey(), Clock.systemUTC());
            Remediator remediator = apply ? new Remediator(remediations, modes, targets)
                    : Remediator.planOnly(remediations, settings.remediationModes());
            SweepRunner runner = new SweepRunner(Sweeps.of(family, detections, settings.namePrefix(),
                    NetworkSweep.MAX_PAGE, Optional.empty()), targets, remediator, List.of(printer), memory,
                    Clock.systemUTC(), 4);
            SweepReport report = runner.run(places);
            report.problems().forEach(problem -> err.println("watchpost sweep: " + family.id() + ": " + problem));
            err.println(family.id() + ": " + report.line());
            open |= !report.alerts().isEmpty();
            problems |= !report.problems().isEmpty();
        }
        out.flush();
        return problems ? Main.EXIT_UNREADABLE : open ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private static Family family(String value) {
        for (Family family : Family.values()) {
            if (family.id().equals(value.toLowerCase(Locale.ROOT))) {
                return family;
            }
        }
        throw new UsageException("--family: \"" + value + "\" is not a family (expected network, access, hardening "
                + "or audit)");
    }

    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            throw new UsageException("no region: give --region or set AWS_REGION");
        }
    }
}
