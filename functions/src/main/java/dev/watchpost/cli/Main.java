package dev.watchpost.cli;

import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.pipeline.Pipeline;
import dev.watchpost.pipeline.Wiring;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code watchpost scan}: runs the detections over CloudTrail records in files, offline, and never calls AWS. This
 * class reads the command line and the environment and turns the scan's outcome into an exit status; the work is
 * {@link Scan}'s. {@code watchpost settings} and {@code watchpost sweep}, which do call AWS, are handed whole to
 * {@link SettingsCommand} and {@link SweepCommand}.
 * {@link #run} takes its streams and environment as arguments so tests need no process.
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_UNREADABLE = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FINDINGS = 3;

    static final String SYNOPSIS = "usage: java -jar watchpost.jar scan [--format FORMAT] [--fail-on SEVERITY] "
            + "[--own-role-arn ARN]... [--name-prefix NAME] [--threads N] PATH...";

    static final String USAGE = SYNOPSIS + """


            Runs Watchpost's detections over CloudTrail records in files, offline. Never calls AWS: a remediation
            is only planned and printed, whatever its mode.

            PATH is a file or a directory (read recursively, in sorted order, skipping hidden entries). A file may
            hold a CloudTrail log file ({"Records":[...]}), EventBridge envelopes or CloudTrail records (one, a
            JSON array of them as Stratus Red Team and Grimoire write, or JSON Lines), aws cloudtrail
            lookup-events output ({"Events":[...]}), or CloudTrail Lake results with an eventJson column
            (get-query-results output, or rows). The shape and gzip are recognised by content, not by name; a
            file of any other shape is reported by name, saying what was expected. A file holding a CloudWatch
            alarm notification (as published, or in its SNS envelope) is printed as that channel gets it.

            Options:
              --format FORMAT      text (default): a block per finding; json: one finding document per line;
                                   slack, chatbot, asff: per line, the exact JSON the Slack notifier posts,
                                   AWS Chatbot receives, Security Hub imports; email: the SNS e-mail
              --fail-on SEVERITY   exit 3 when a finding is at or above LOW, MEDIUM, HIGH or CRITICAL
              --own-role-arn ARN   calls by this role are Watchpost's own and ignored (repeatable; adds to
                                   WATCHPOST_OWN_ROLE_ARNS)
              --name-prefix NAME   the deployment's name prefix: calls by its roles (NAME-<family>-<region> in
                                   the event's account) are ignored (default: WATCHPOST_NAME_PREFIX, or watchpost)
              --threads N          files read at once (default: one per processor); output stays in file order
              -h, --help           print this help

            Detection settings come from the WATCHPOST_* environment variables, as in a deployment.
            'java -jar watchpost.jar settings --help' shows and changes a deployment's runtime settings;
            'java -jar watchpost.jar sweep --help' sweeps an account's current state.
            Findings go to stdout; problems and a summary line go to stderr, and a progress line too when run
            at a terminal.

            Exit status:
              0  every input was read and no --fail-on threshold was reached
              1  some input could not be read, or a detection failed on an event (each reported on stderr);
                 this wins over 3, since an incomplete scan cannot vouch for what it did not see
              2  usage error: unknown option, bad value, missing or nonexistent PATH, invalid WATCHPOST_* setting
              3  --fail-on was given and a finding is at or above that severity
            """;

    private Main() {}

    public static void main(String[] args) {
        // At a terminal (JDK 22+: stdin and stdout both one), findings are flushed line by line and a progress line
        // is shown; to a file or a pipe, findings are written in large blocks and stderr holds only problems.
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        PrintStream out = terminal ? System.out : new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, System.out.charset());
        int status = run(List.of(args), out, System.err, System.getenv(), terminal);
        out.flush();
        System.exit(status);
    }

    /** Runs the command line {@code args} (command first) and returns the exit status; no progress line. */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, false);
    }

    /** Runs the command line; {@code progress} shows a progress line on {@code err} (when it is a terminal). */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, boolean progress) {
        if (!args.isEmpty() && args.getFirst().equals("sweep")) {
            return SweepCommand.run(args.subList(1, args.size()), out, err, env);
        }
        if (!args.isEmpty() && args.getFirst().equals(SettingsCommand.NAME)) {
            return SettingsCommand.run(args.subList(1, args.size()), out, err, env);
        }
        ScanOptions options;
        Settings settings;
        try {
            options = parseCommand(args);
            if (options.help()) {
                out.print(USAGE);
                return EXIT_OK;
            }
            InputFiles.requireExisting(options.paths());
            settings = Settings.fromEnvironment(env);
            Wiring.checkModes(settings);
        } catch (UsageException | InvalidSettingException e) {
            err.println("watchpost scan: " + e.getMessage());
            err.println(SYNOPSIS);
            err.println("Run 'java -jar watchpost.jar scan --help' for details.");
            return EXIT_USAGE;
        }
        StatusLine status = progress ? new StatusLine(err) : StatusLine.OFF;
        ScanOutput output = new ScanOutput(out, err, status);
        CliTelemetry telemetry = new CliTelemetry(output::err);
        Pipeline pipeline = OfflinePipeline.create(settings, options.ownRoleArns(),
                options.namePrefix().orElse(settings.namePrefix()), new FindingPrinter(output, options.format()));
        ScanSummary summary = new Scan(pipeline, telemetry, output, options.workers(), status,
                new AlarmPreview(output, options.format())).run(options.paths());
        output.flush();
        err.println(summary.line());
        return exitStatus(summary, options);
    }

    private static ScanOptions parseCommand(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given (expected scan)");
        }
        String command = args.getFirst();
        if (command.equals("-h") || command.equals("--help")) {
            return ScanOptions.helpOnly();
        }
        if (!command.equals("scan")) {
            throw new UsageException("unknown command: " + command + " (expected scan or sweep)");
        }
        return ScanOptions.parse(args.subList(1, args.size()));
    }

    private static int exitStatus(ScanSummary summary, ScanOptions options) {
        if (!summary.complete()) {
            return EXIT_UNREADABLE;
        }
        if (options.failOn().filter(summary::hasFindingAtLeast).isPresent()) {
            return EXIT_FINDINGS;
        }
        return EXIT_OK;
    }
}
