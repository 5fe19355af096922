package dev.watchpost.cli;

import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Severity;
import dev.watchpost.pipeline.Wiring;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** More threads than this only costs memory: files are read one per thread. */
    static final int MAX_THREADS = 256;

    static final String SYNOPSIS = "usage: java -jar watchpost.jar scan [--format FORMAT] [--fail-on SEVERITY] "
            + "[--own-role-arn ARN]... [--name-prefix NAME] [--threads N] PATH...";

    static final String USAGE = SYNOPSIS + """


            Runs Watchpost's detections over CloudTrail records in files, offline. Never calls AWS: a remediation
            is only planned and printed, whatever its mode.

            PATH is a file, a directory (read recursively, in sorted order, skipping hidden entries) or - for
            standard input. Files may hold CloudTrail log files, EventBridge envelopes or records (one, an array,
            or JSON Lines), lookup-events output or CloudTrail Lake results, gzipped or not, recognised by content;
            a CloudWatch alarm notification is printed as its channel gets it. See docs/scan.md.

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

            Detection settings come from the WATCHPOST_* environment variables, as in a deployment. Findings go
            to stdout; problems and a summary line to stderr (and a progress line, at a terminal). See also
            'watchpost settings --help' and 'watchpost sweep --help'.

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

    /**
     * Runs the command line {@code args} (command first) and returns the exit status; {@code progress} shows a
     * progress line on {@code err} (when it is a terminal).
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, boolean progress) {
        String command = args.isEmpty() ? "" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (command) {
            case "scan" -> CommandLine.run("scan", USAGE, rest, Set.of("--format", "--fail-on", "--own-role-arn",
                    "--name-prefix", "--threads"), Set.of(), out, err, line -> scan(line, out, err, env, progress));
            case "sweep" -> SweepCommand.run(rest, out, err, env);
            case "settings" -> SettingsCommand.run(rest, out, err, env);
            case "-h", "--help" -> CommandLine.run("scan", USAGE, args, Set.of(), Set.of(), out, err, line -> EXIT_OK);
            case "" -> CommandLine.usageError(err, "scan", USAGE, "no command given (expected scan)");
            default -> CommandLine.usageError(err, "scan", USAGE, "unknown command: " + command
                    + " (expected scan, sweep or settings)");
        };
    }

    private static int scan(CommandLine line, PrintStream out, PrintStream err, Map<String, String> env,
                            boolean progress) {
        FindingPrinter.Format format = FindingPrinter.Format.parse(line.last("--format").orElse("text"));
        Optional<Severity> failOn = line.last("--fail-on").map(value -> Severity.parse(value).orElseThrow(() ->
                new UsageException("--fail-on: \"" + value + "\" is not a severity (expected LOW, MEDIUM, HIGH or "
                        + "CRITICAL)")));
        Set<String> roles = new LinkedHashSet<>();
        line.all("--own-role-arn").forEach(value -> roles.addAll(checked("--own-role-arn", value,
                Settings.OWN_ROLE_ARNS, "an IAM role ARN (expected arn:aws:iam::123456789012:role/name)")
                .ownRoleArns()));
        Optional<String> prefix = line.last("--name-prefix").map(Main::namePrefix);
        int threads = line.last("--threads").map(Main::threads).orElse(Runtime.getRuntime().availableProcessors());
        List<Path> paths = line.words().stream().map(Main::path).toList();
        if (paths.isEmpty()) {
            throw new UsageException("no PATH given: name at least one file or directory to scan");
        }
        InputFiles.requireExisting(paths);
        Settings settings = Settings.fromEnvironment(env);
        Wiring.checkModes(settings);
        ScanOutput output = new ScanOutput(out, err, progress);
        FindingPrinter printer = new FindingPrinter(output, format);
        ScanSummary summary = new Scan(Scan.pipeline(settings, roles, prefix.orElse(settings.namePrefix()), printer),
                output, threads, printer).run(paths);
        err.println(summary.line());
        if (!summary.complete()) {
            return EXIT_UNREADABLE;
        }
        return failOn.filter(summary::hasFindingAtLeast).isPresent() ? EXIT_FINDINGS : EXIT_OK;
    }

    private static int threads(String value) {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= MAX_THREADS) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads: \"" + value + "\" is not a thread count (expected 1 to " + MAX_THREADS
                + ")");
    }

    /** A deployment's name prefix, checked by {@link Settings}' rule. */
    static String namePrefix(String value) {
        return checked("--name-prefix", value, Settings.NAME_PREFIX, "a name prefix (expected 1-20 lower-case "
                + "letters, digits or hyphens, starting with a letter)").namePrefix();
    }

    /** The settings with {@code value} for {@code variable}, checked by {@link Settings}' rules as in a deployment. */
    private static Settings checked(String option, String value, String variable, String expected) {
        try {
            if (!value.isBlank()) {
                return Settings.fromEnvironment(Map.of(variable, value));
            }
        } catch (InvalidSettingException e) {
            // reported below
        }
        throw new UsageException(option + ": \"" + value + "\" is not " + expected);
    }

    private static Path path(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new UsageException("\"" + arg + "\" is not a path: " + e.getReason());
        }
    }
}
